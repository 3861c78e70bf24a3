// data-race: main joins only the first of two threads before reading what the second one writes.
#include <pthread.h>
#include <stdio.h>

static int first_out;
static int second_out;

static void *first(void *arg)
{
	first_out = 1;
	return NULL;
}

static void *second(void *arg)
{
	second_out = 2; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, first, NULL);
	pthread_create(&b, NULL, second, NULL);
	pthread_join(a, NULL);
	printf("%d\n", first_out);
	printf("%d\n", second_out); // expect: data-race
	pthread_join(b, NULL);
	return 0;
}
