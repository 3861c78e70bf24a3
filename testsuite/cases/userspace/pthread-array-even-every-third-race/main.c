// data-race: one thread writes the even elements of a global array, the other every third element from 3 (3, 6, 9, ...): elements 6, 12, ... are written by both.
#include <pthread.h>
#include <stdio.h>

#define N 64

static int grid[N];

static void *fill_even(void *arg)
{
	for (int i = 0; i < N; i += 2)
		grid[i] = i; // expect: data-race
	return NULL;
}

static void *fill_thirds(void *arg)
{
	for (int i = 3; i < N; i += 3)
		grid[i] = -i; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	long sum = 0;

	pthread_create(&a, NULL, fill_even, NULL);
	pthread_create(&b, NULL, fill_thirds, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	for (int i = 0; i < N; i++)
		sum += grid[i];
	printf("%ld\n", sum);
	return 0;
}
