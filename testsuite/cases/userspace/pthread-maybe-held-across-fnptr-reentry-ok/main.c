// ok: save() takes `pool_lock` (by trylock when it must not block, else by lock: a test seam sees only as "may hold"), then calls through a function pointer with two targets, a logger that calls save() again and a no-op. Only the logger may return holding the lock, so the call does not stop the release that follows from making the lock held: both writes of `pool_count` are under it.
#include <pthread.h>

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static int pool_count;

__attribute__((noinline)) static int take(int nonblock)
{
	if (nonblock)
		return pthread_mutex_trylock(&pool_lock) == 0;
	pthread_mutex_lock(&pool_lock);
	return 1;
}

static void save(int nonblock);

__attribute__((noinline)) static void log_and_save(void)
{
	save(1);	/* re-entry: the trylock fails while the lock is held */
}

__attribute__((noinline)) static void quiet(void)
{
}

static void (*volatile hook)(void) = quiet;

__attribute__((noinline)) static void save(int nonblock)
{
	if (!take(nonblock))
		return;
	pool_count++;
	hook();
	pool_count++;
	pthread_mutex_unlock(&pool_lock);
}

static void *worker(void *arg)
{
	save((int)(long)arg);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t a, b;

	(void)argv;
	if (argc > 2)
		hook = log_and_save;
	pthread_create(&a, NULL, worker, (void *)0L);
	pthread_create(&b, NULL, worker, (void *)1L);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return pool_count;
}
