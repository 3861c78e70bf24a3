// data-race: the worker fills an array by a loop index while main, before joining it, reads one element by a constant index.
#include <pthread.h>
#include <stdio.h>

#define N 8

static int data[N];

static void *fill(void *arg)
{
	for (int i = 0; i < N; i++)
		data[i] = i * 3; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t;
	int v;

	pthread_create(&t, NULL, fill, NULL);
	v = data[5]; // expect: data-race
	pthread_join(t, NULL);
	printf("%d\n", v);
	return 0;
}
