// negative: threads created in a loop increment a counter under a mutex; main reads it only after joining them all in a second loop.
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 4

static long total;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	for (int i = 0; i < 1000; i++) {
		pthread_mutex_lock(&lock);
		total++;
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[NTHREADS];

	total = 0;
	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	printf("%ld\n", total);
	return 0;
}
