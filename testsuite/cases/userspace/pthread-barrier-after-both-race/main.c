// data-race: both threads pass the barrier, then one writes and the other reads the same global; a barrier orders only what comes before it against what comes after.
#include <pthread.h>
#include <stdio.h>

static pthread_barrier_t bar;
static int before;
static int after;

static void *writer(void *arg)
{
	before = 1;
	pthread_barrier_wait(&bar);
	after = 2; // expect: data-race
	return NULL;
}

static void *reader(void *arg)
{
	pthread_barrier_wait(&bar);
	printf("%d %d\n", before, after); // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_barrier_init(&bar, NULL, 2);
	pthread_create(&a, NULL, writer, NULL);
	pthread_create(&b, NULL, reader, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
