// data-race: as above, but each worker posts before it writes its result, so main may read a result while it is written.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#define WORKERS 4

static sem_t done;
static int results[WORKERS];

static void *work(void *arg)
{
	long id = (long)arg;

	sem_post(&done);
	results[id] = (int)id * 3 + 1; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t[WORKERS];
	int sum = 0;

	sem_init(&done, 0, 0);
	for (long i = 0; i < WORKERS; i++)
		pthread_create(&t[i], NULL, work, (void *)i);
	for (int i = 0; i < WORKERS; i++)
		sem_wait(&done);
	for (int i = 0; i < WORKERS; i++)
		sum += results[i]; // expect: data-race
	printf("%d\n", sum);
	for (int i = 0; i < WORKERS; i++)
		pthread_detach(t[i]);
	return 0;
}
