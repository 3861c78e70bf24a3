// negative: the worker fills the upper half of an array by a loop index while main, before joining it, reads an element of the lower half by a constant index.
#include <pthread.h>
#include <stdio.h>

#define N 16

static int data[N];

static void *fill(void *arg)
{
	for (unsigned i = N / 2; i < N; i++)
		data[i] = i * 3;
	return NULL;
}

int main(void)
{
	pthread_t t;
	int v;

	data[2] = 7;
	pthread_create(&t, NULL, fill, NULL);
	v = data[2];
	pthread_join(t, NULL);
	printf("%d %d\n", v, data[12]);
	return 0;
}
