// data-race: main holds both mutexes while it starts the worker, then unlocks through a pointer that may name either, before the join: the worker may run after `lock` is given back, so its unlocked update races with the logger's locked one. One pointer to two mutexes makes them one object to points-to; taking them in turn is not taking one lock twice.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long total;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t spare = PTHREAD_MUTEX_INITIALIZER;

static void *logger(void *arg)
{
	pthread_mutex_lock(&lock);
	total += 10; // expect: data-race
	pthread_mutex_unlock(&lock);
	return NULL;
}

static void *worker(void *arg)
{
	total += 1; // expect: data-race
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t l, w;
	pthread_mutex_t *which = &spare;

	pthread_create(&l, NULL, logger, NULL);
	pthread_mutex_lock(&lock);
	pthread_create(&w, NULL, worker, NULL);
	pthread_mutex_lock(&spare);
	if (argc > 1)
		which = &lock;
	pthread_mutex_unlock(which);
	pthread_join(w, NULL);
	pthread_join(l, NULL);
	printf("%ld\n", total);
	return 0;
}
