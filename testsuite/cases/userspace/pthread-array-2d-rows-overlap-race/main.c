// data-race: two threads fill the rows of a global two-dimensional array by nested loops with constant bounds; the bottom thread starts one row early, so row 3 is written by both.
#include <pthread.h>
#include <stdio.h>

#define N 8
#define M 16

static int m[N][M];

static void *fill_top(void *arg)
{
	for (int i = 0; i < N / 2; i++)
		for (int j = 0; j < M; j++)
			m[i][j] = i + j; // expect: data-race
	return NULL;
}

static void *fill_bottom(void *arg)
{
	for (int i = N / 2 - 1; i < N; i++)
		for (int j = 0; j < M; j++)
			m[i][j] = i - j; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	long sum = 0;

	pthread_create(&a, NULL, fill_top, NULL);
	pthread_create(&b, NULL, fill_bottom, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	for (int i = 0; i < N; i++)
		for (int j = 0; j < M; j++)
			sum += m[i][j];
	printf("%ld\n", sum);
	return 0;
}
