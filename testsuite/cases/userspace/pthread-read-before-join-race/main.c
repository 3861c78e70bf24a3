// data-race: main reads the thread's result before pthread_join.
#include <pthread.h>
#include <stdio.h>

static int result;
static int input;

static void *compute(void *arg)
{
	result = input * 2; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t;

	input = 21;
	pthread_create(&t, NULL, compute, NULL);
	printf("%d\n", result); // expect: data-race
	pthread_join(t, NULL);
	return 0;
}
