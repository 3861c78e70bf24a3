// data-race: every worker locks its own element of a mutex array (indexed by its thread id) and then updates one shared total; different mutexes protect nothing between the workers.
#include <pthread.h>
#include <stdio.h>

#define WORKERS 4

static pthread_mutex_t locks[WORKERS];
static int per_worker[WORKERS];
static int total;

static void *worker(void *arg)
{
	long id = (long)arg;

	pthread_mutex_lock(&locks[id]);
	per_worker[id]++;
	total++; // expect: data-race
	pthread_mutex_unlock(&locks[id]);
	return NULL;
}

int main(void)
{
	pthread_t t[WORKERS];

	for (int i = 0; i < WORKERS; i++)
		pthread_mutex_init(&locks[i], NULL);
	for (long i = 0; i < WORKERS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < WORKERS; i++)
		pthread_join(t[i], NULL);
	printf("%d\n", total);
	return 0;
}
