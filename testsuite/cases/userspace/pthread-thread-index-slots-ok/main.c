// negative: threads created in a loop each get their loop index as the argument and write only results[index]; main sums the slots after joining them all.
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 4

static long results[NTHREADS];

static void *worker(void *arg)
{
	long id = (long)arg;

	results[id] = id * id;
	return NULL;
}

int main(void)
{
	pthread_t t[NTHREADS];
	long sum = 0;

	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < NTHREADS; i++)
		sum += results[i];
	printf("%ld\n", sum);
	return 0;
}
