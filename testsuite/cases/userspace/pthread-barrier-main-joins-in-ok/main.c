// negative: main and three workers meet at one barrier; the workers fill their slots before it and main sums the slots after it, before joining.
#include <pthread.h>
#include <stdio.h>

#define WORKERS 3

static pthread_barrier_t filled;
static long slots[WORKERS];

static void *fill(void *arg)
{
	long id = (long)arg;

	slots[id] = id * 7;
	pthread_barrier_wait(&filled);
	return NULL;
}

int main(void)
{
	pthread_t t[WORKERS];
	long sum = 0;

	pthread_barrier_init(&filled, NULL, WORKERS + 1);
	for (long i = 0; i < WORKERS; i++)
		pthread_create(&t[i], NULL, fill, (void *)i);
	pthread_barrier_wait(&filled);
	for (int i = 0; i < WORKERS; i++)
		sum += slots[i];
	printf("%ld\n", sum);
	for (int i = 0; i < WORKERS; i++)
		pthread_join(t[i], NULL);
	return 0;
}
