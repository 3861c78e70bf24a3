// negative: n workers are started (n read at run time) and a second loop with the same bound joins every one of them before main reads the sum.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long sum;
static pthread_mutex_t sum_lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	pthread_mutex_lock(&sum_lock);
	sum += (long)arg;
	pthread_mutex_unlock(&sum_lock);
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 8;
	pthread_t *w = malloc(n * sizeof(*w));

	if (!w)
		return 1;
	for (int i = 0; i < n; i++)
		pthread_create(&w[i], NULL, worker, (void *)(long)i);
	for (int j = 0; j < n; j++)
		pthread_join(w[j], NULL);
	printf("%ld\n", sum);
	free(w);
	return 0;
}
