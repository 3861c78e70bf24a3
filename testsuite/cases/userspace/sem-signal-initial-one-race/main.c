// data-race: the same hand-over through a semaphore, but initialised to 1: main's sem_wait can return before the worker posted.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t ready;
int config[4];

static void *setup(void *arg)
{
	for (int i = 0; i < 4; i++)
		config[i] = i * 10 + 1; // expect: data-race
	sem_post(&ready);
	return NULL;
}

int main(void)
{
	pthread_t t;

	sem_init(&ready, 0, 1);
	pthread_create(&t, NULL, setup, NULL);
	sem_wait(&ready);
	printf("%d\n", config[0]); // expect: data-race
	pthread_join(t, NULL);
	return 0;
}
