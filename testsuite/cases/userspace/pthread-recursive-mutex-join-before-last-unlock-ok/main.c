// ok: main takes its recursive mutex twice, starts the worker, gives one level back and joins the worker before the last unlock: the worker runs inside main's critical section, so its unlocked update does not race with the logger's locked one.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

static long total;
static pthread_mutex_t lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

static void *logger(void *arg)
{
	pthread_mutex_lock(&lock);
	total += 10;
	pthread_mutex_unlock(&lock);
	return NULL;
}

static void *worker(void *arg)
{
	total += 1;
	return NULL;
}

int main(void)
{
	pthread_t l, w;

	pthread_create(&l, NULL, logger, NULL);
	pthread_mutex_lock(&lock);
	pthread_mutex_lock(&lock);
	pthread_create(&w, NULL, worker, NULL);
	pthread_mutex_unlock(&lock);
	pthread_join(w, NULL);
	pthread_mutex_unlock(&lock);
	pthread_join(l, NULL);
	printf("%ld\n", total);
	return 0;
}
