// negative: a signalling semaphore initialised to 0; the worker fills in the config and posts, main waits on the semaphore before reading the config.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t ready;
int config[4];

static void *setup(void *arg)
{
	for (int i = 0; i < 4; i++)
		config[i] = i * 10 + 1;
	sem_post(&ready);
	return NULL;
}

int main(void)
{
	pthread_t t;

	sem_init(&ready, 0, 0);
	pthread_create(&t, NULL, setup, NULL);
	sem_wait(&ready);
	printf("%d\n", config[0]);
	pthread_join(t, NULL);
	return 0;
}
