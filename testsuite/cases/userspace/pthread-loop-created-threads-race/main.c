// data-race: four threads created in a loop from one pthread_create site run the same unlocked increment and race with each other.
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 4

static long hits;

static void *worker(void *arg)
{
	for (int i = 0; i < 1000; i++)
		hits++; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t[NTHREADS];

	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	printf("%ld\n", hits);
	return 0;
}
