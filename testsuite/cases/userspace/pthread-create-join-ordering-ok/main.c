// negative: fork/join ordering: main writes before pthread_create and reads the result after pthread_join.
#include <pthread.h>
#include <stdio.h>

static int result;
static int input;

static void *compute(void *arg)
{
	result = input * 2;
	return NULL;
}

int main(void)
{
	pthread_t t;

	input = 21;
	pthread_create(&t, NULL, compute, NULL);
	pthread_join(t, NULL);
	printf("%d\n", result);
	return 0;
}
