// negative: an atexit handler prints the total the workers summed; it runs only when main returns, after main joined every worker, so it is ordered after their updates.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static long total;

static void report(void)
{
	printf("%ld\n", total);
}

static void *worker(void *arg)
{
	for (long i = 0; i < 100; i++) {
		pthread_mutex_lock(&m);
		total += i;
		pthread_mutex_unlock(&m);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	atexit(report);
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return 0;
}
