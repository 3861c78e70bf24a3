// negative: a run-time number of threads, created in one loop, write their own result under a mutex; main reads the results plainly only after joining them all in a second loop (the loops are not unrolled).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long total;
static long last;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	pthread_mutex_lock(&lock);
	total += (long)arg;
	last = (long)arg;
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 4;
	pthread_t *t = calloc(n, sizeof(*t));

	if (!t)
		return 1;
	total = 0;
	for (int i = 0; i < n; i++)
		pthread_create(&t[i], NULL, worker, (void *)(long)i);
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	printf("%ld %ld\n", total, last);
	free(t);
	return 0;
}
