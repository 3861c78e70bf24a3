// negative: one thread fills the low half of a global array in a loop that leaves when the incremented index reaches the middle, the other fills the high half counting down in a do-while that stops below the middle; main reads the array after joining both.
#include <pthread.h>
#include <stdio.h>

#define N 64

static int grid[N];

static void *fill_low(void *arg)
{
	int i = 0;

	while (1) {
		grid[i] = 1;
		if (++i == N / 2)
			break;
	}
	return NULL;
}

static void *fill_high(void *arg)
{
	unsigned k = N - 1;

	do {
		grid[k] = 2;
	} while (--k != N / 2 - 1);
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
