// data-race: two threads fill overlapping ranges of a global array (elements 24 to 39 are written by both).
#include <pthread.h>
#include <stdio.h>

#define N 64

static int grid[N];

static void *fill_low(void *arg)
{
	for (int i = 0; i < 40; i++)
		grid[i] = i; // expect: data-race
	return NULL;
}

static void *fill_high(void *arg)
{
	for (int i = 24; i < N; i++)
		grid[i] = 2 * i; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	long sum = 0;

	pthread_create(&a, NULL, fill_low, NULL);
	pthread_create(&b, NULL, fill_high, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	for (int i = 0; i < N; i++)
		sum += grid[i];
	printf("%ld\n", sum);
	return 0;
}
