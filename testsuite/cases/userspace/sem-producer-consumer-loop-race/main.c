// data-race: as the one-slot buffer above, but the consumer gives the slot back (posts empty) before it reads the item, so the producer may overwrite it during the read.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#define ITEMS 8

static sem_t empty, full;
static int slot;

static void *producer(void *arg)
{
	for (int i = 0; i < ITEMS; i++) {
		sem_wait(&empty);
		slot = i * i; // expect: data-race
		sem_post(&full);
	}
	return NULL;
}

static void *consumer(void *arg)
{
	long total = 0;

	for (int i = 0; i < ITEMS; i++) {
		sem_wait(&full);
		sem_post(&empty);
		total += slot; // expect: data-race
	}
	printf("%ld\n", total);
	return NULL;
}

int main(void)
{
	pthread_t p, c;

	sem_init(&empty, 0, 1);
	sem_init(&full, 0, 0);
	pthread_create(&p, NULL, producer, NULL);
	pthread_create(&c, NULL, consumer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	return 0;
}
