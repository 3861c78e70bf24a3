// data-race: two threads fill the halves of a global array by constant loop bounds, but the low loop runs one element too far (element 32 is written by both).
#include <pthread.h>
#include <stdio.h>

#define N 64

static int grid[N];

static void *fill_low(void *arg)
{
	for (int i = 0; i <= N / 2; i++)
		grid[i] = i; // expect: data-race
	return NULL;
}

static void *fill_high(void *arg)
{
	for (int i = N / 2; i < N; i++)
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
