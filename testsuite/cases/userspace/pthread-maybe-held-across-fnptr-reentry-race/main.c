// data-race: as the -ok twin (save() holds `pool_lock` across a call through a function pointer whose targets are a logger that re-enters save() and a no-op), but the second write of `pool_count` comes after the unlock.
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
	pool_count++; // expect: data-race
	hook();
	pthread_mutex_unlock(&pool_lock);
	pool_count++; // expect: data-race
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
