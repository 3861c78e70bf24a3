// negative: two threads each fill their own half of a global array counting down (one to 0, one to the middle); main reads the array after joining both.
#include <pthread.h>
#include <stdio.h>

#define N 64

static long grid[N];

static void *fill_low(void *arg)
{
	for (int i = N / 2 - 1; i >= 0; i--)
		grid[i] = i;
	return NULL;
}

static void *fill_high(void *arg)
{
	for (int i = N - 1; i >= N / 2; i--)
		grid[i] = 3 * i;
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
