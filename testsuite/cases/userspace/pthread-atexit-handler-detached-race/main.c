// data-race: main returns without joining a detached worker, so the atexit handler that reads the worker's counter can run while the worker still updates it.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static long progress;

static void report(void)
{
	printf("%ld\n", progress); // expect: data-race
}

static void *worker(void *arg)
{
	for (int i = 0; i < 1000000; i++) {
		progress++; // expect: data-race
		usleep(10);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;

	atexit(report);
	pthread_create(&t, NULL, worker, NULL);
	pthread_detach(t);
	return 0;
}
