// ok: save() takes `pool_lock` by trylock when it must not block (the trylock's result turned into 1 or 0 by a ternary, then tested: the kernel's raw_spin_trylock_irqsave() shape) and by lock otherwise; on failure it returns without touching `pool_count`; it calls itself again (through log_it) while holding the lock. The test of the ternary's value is the test of the trylock: no path returns holding the lock, and both writes are under it.
#include <pthread.h>

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static int pool_count;

#define try_take(l) (pthread_mutex_trylock(l) == 0 ? 1 : 0)

static void save(int nonblock);

__attribute__((noinline)) static void log_it(void)
{
	save(1);	/* re-entry: the trylock fails while the lock is held */
}

__attribute__((noinline)) static void save(int nonblock)
{
	if (nonblock) {
		if (!try_take(&pool_lock))
			return;
	} else {
		pthread_mutex_lock(&pool_lock);
	}
	pool_count++;
	log_it();
	pool_count++;
	pthread_mutex_unlock(&pool_lock);
}

__attribute__((noinline)) static void outer(int nonblock)
{
	save(nonblock);
	pthread_mutex_lock(&pool_lock);
	pool_count++;
	pthread_mutex_unlock(&pool_lock);
}

static void *worker(void *arg)
{
	outer((int)(long)arg);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, (void *)0L);
	pthread_create(&b, NULL, worker, (void *)1L);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return pool_count;
}
