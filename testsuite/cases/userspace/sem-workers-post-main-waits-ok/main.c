// negative: four workers each write their result and post a done semaphore (started at 0); main waits on it once per worker in a loop and only then reads the results.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#define WORKERS 4

static sem_t done;
static int results[WORKERS];

static void *work(void *arg)
{
	long id = (long)arg;

	results[id] = (int)id * 3 + 1;
	sem_post(&done);
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
		sum += results[i];
	printf("%d\n", sum);
	for (int i = 0; i < WORKERS; i++)
		pthread_detach(t[i]);
	return 0;
}
