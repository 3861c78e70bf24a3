// data-race: two instances of one worker are started into t[0] and t[1]; main joins only t[0] before reading the shared result.
#include <pthread.h>
#include <stdio.h>

static long result;

static void *worker(void *arg)
{
	result += (long)arg; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	pthread_create(&t[0], NULL, worker, (void *)1L);
	pthread_create(&t[1], NULL, worker, (void *)2L);
	pthread_join(t[0], NULL);
	printf("%ld\n", result); // expect: data-race
	pthread_join(t[1], NULL);
	return 0;
}
