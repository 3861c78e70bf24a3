// data-race: n workers are started (n read at run time) but the join loop stops at n - 1, so the last worker may still be writing its share when main sums them.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long sum;
static pthread_mutex_t sum_lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	pthread_mutex_lock(&sum_lock);
	sum += (long)arg; // expect: data-race
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
	for (int i = 0; i < n - 1; i++)
		pthread_join(w[i], NULL);
	printf("%ld\n", sum); // expect: data-race
	free(w);
	return 0;
}
