// data-race: main publishes the address of its own __thread variable in a global; a worker writes through it while main still updates its thread-local copy.
#include <pthread.h>
#include <stdio.h>

static __thread int mine;
static int *published;

static void *worker(void *arg)
{
	*published = 7; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t;

	published = &mine;
	pthread_create(&t, NULL, worker, NULL);
	mine += 1; // expect: data-race
	pthread_join(t, NULL);
	printf("%d\n", mine);
	return 0;
}
