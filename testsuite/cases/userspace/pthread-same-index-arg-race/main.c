// data-race: two threads are both started with index 0 and so write the same slot of the results array.
#include <pthread.h>
#include <stdio.h>

static long results[2];

static void *worker(void *arg)
{
	long id = (long)arg;

	results[id] += 1; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, (void *)0);
	pthread_create(&b, NULL, worker, (void *)0);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%ld\n", results[0]);
	return 0;
}
