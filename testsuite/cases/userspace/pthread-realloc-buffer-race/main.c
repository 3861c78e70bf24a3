// data-race: main grows a shared buffer with realloc while a worker still reads through the global pointer to it.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static int *items;

static void *reader(void *arg)
{
	long sum = 0;

	for (int i = 0; i < 4; i++)
		sum += items[i]; // expect: data-race
	return (void *)sum;
}

int main(void)
{
	pthread_t t;
	void *sum;

	items = calloc(4, sizeof(int));
	pthread_create(&t, NULL, reader, NULL);
	items = realloc(items, 64 * sizeof(int)); // expect: data-race
	pthread_join(t, &sum);
	printf("%ld\n", (long)sum);
	free(items);
	return 0;
}
