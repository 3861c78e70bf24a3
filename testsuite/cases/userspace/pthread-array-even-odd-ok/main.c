// negative: one thread writes the even elements of a global array, the other the odd ones (loops stepping by 2 from 0 and from 1); main reads the array after joining both.
#include <pthread.h>
#include <stdio.h>

#define N 64

static int grid[N];

static void *fill_even(void *arg)
{
	for (int i = 0; i < N; i += 2)
		grid[i] = i;
	return NULL;
}

static void *fill_odd(void *arg)
{
	for (int i = 1; i < N; i += 2)
		grid[i] = -i;
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	long sum = 0;

	pthread_create(&a, NULL, fill_even, NULL);
	pthread_create(&b, NULL, fill_odd, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	for (int i = 0; i < N; i++)
		sum += grid[i];
	printf("%ld\n", sum);
	return 0;
}
