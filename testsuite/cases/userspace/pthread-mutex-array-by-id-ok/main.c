// negative: every worker updates its own counter under its own element of a mutex array; main, while the workers run, reads each counter under the matching element.
#include <pthread.h>
#include <stdio.h>

#define WORKERS 4

static pthread_mutex_t locks[WORKERS];
static int per_worker[WORKERS];

static void *worker(void *arg)
{
	long id = (long)arg;

	for (int i = 0; i < 100; i++) {
		pthread_mutex_lock(&locks[id]);
		per_worker[id]++;
		pthread_mutex_unlock(&locks[id]);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[WORKERS];
	int snapshot = 0;

	for (int i = 0; i < WORKERS; i++)
		pthread_mutex_init(&locks[i], NULL);
	for (long i = 0; i < WORKERS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < WORKERS; i++) {
		pthread_mutex_lock(&locks[i]);
		snapshot += per_worker[i];
		pthread_mutex_unlock(&locks[i]);
	}
	for (int i = 0; i < WORKERS; i++)
		pthread_join(t[i], NULL);
	printf("%d\n", snapshot);
	return 0;
}
