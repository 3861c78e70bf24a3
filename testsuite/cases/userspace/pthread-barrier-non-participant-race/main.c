// data-race: two threads meet at a barrier and then read a global that a third thread, which never waits on the barrier, writes.
#include <pthread.h>
#include <stdio.h>

static pthread_barrier_t bar;
static int config;

static void *configurer(void *arg)
{
	config = 7; // expect: data-race
	return NULL;
}

static void *participant(void *arg)
{
	pthread_barrier_wait(&bar);
	printf("%d\n", config); // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t c, p[2];

	pthread_barrier_init(&bar, NULL, 2);
	pthread_create(&c, NULL, configurer, NULL);
	for (int i = 0; i < 2; i++)
		pthread_create(&p[i], NULL, participant, NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(p[i], NULL);
	pthread_join(c, NULL);
	return 0;
}
