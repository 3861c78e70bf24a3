// data-race: main holds the semaphore when it starts the reader, but a third thread posts it too, so the reader can pass its wait before main posts and read the config while main writes it.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t gate;
static int config;

static void *reader(void *arg)
{
	sem_wait(&gate);
	sem_post(&gate);
	printf("%d\n", config); // expect: data-race
	return NULL;
}

static void *opener(void *arg)
{
	sem_post(&gate);
	return NULL;
}

int main(void)
{
	pthread_t r, o;

	sem_init(&gate, 0, 1);
	sem_wait(&gate);
	pthread_create(&r, NULL, reader, NULL);
	pthread_create(&o, NULL, opener, NULL);
	config = 7; // expect: data-race
	sem_post(&gate);
	pthread_join(r, NULL);
	pthread_join(o, NULL);
	return 0;
}
