// data-race: two phase helpers each start the same worker routine and join it before returning, but the first calls the second while its own worker still runs, so two workers overlap
#include <pthread.h>
#include <stdio.h>

static unsigned long checksum;

static void *fold(void *arg)
{
	checksum = checksum * 31 + (unsigned long)arg; // expect: data-race
	return NULL;
}

static __attribute__((noinline)) void steady(void)
{
	pthread_t t;

	pthread_create(&t, NULL, fold, (void *)2UL);
	pthread_join(t, NULL);
}

static __attribute__((noinline)) void warm_up(void)
{
	pthread_t t;

	pthread_create(&t, NULL, fold, (void *)1UL);
	steady();
	pthread_join(t, NULL);
}

int main(void)
{
	warm_up();
	printf("%lu\n", checksum);
	return 0;
}
