// data-race: main takes its recursive mutex twice, starts the worker and gives both levels back before it joins the worker: the worker's unlocked update races with the logger's locked one.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

static long total;
static pthread_mutex_t lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

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

int main(void)
{
	pthread_t l, w;

	pthread_create(&l, NULL, logger, NULL);
	pthread_mutex_lock(&lock);
	pthread_mutex_lock(&lock);
	pthread_create(&w, NULL, worker, NULL);
	pthread_mutex_unlock(&lock);
	pthread_mutex_unlock(&lock);
	pthread_join(w, NULL);
	pthread_join(l, NULL);
	printf("%ld\n", total);
	return 0;
}
