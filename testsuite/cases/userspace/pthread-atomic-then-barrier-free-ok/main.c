// negative: the worker bumps a heap counter atomically and then waits on a barrier; main waits on the same barrier before it frees the counter, so the free comes after the atomic update.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_barrier_t bar;

static void *worker(void *arg)
{
	int *cnt = arg;

	__atomic_fetch_add(cnt, 1, __ATOMIC_RELAXED);
	pthread_barrier_wait(&bar);
	return NULL;
}

int main(void)
{
	pthread_t t;
	int *cnt = calloc(1, sizeof(*cnt));

	if (!cnt)
		return 1;
	pthread_barrier_init(&bar, NULL, 2);
	pthread_create(&t, NULL, worker, cnt);
	pthread_barrier_wait(&bar);
	free(cnt);
	pthread_join(t, NULL);
	pthread_barrier_destroy(&bar);
	return 0;
}
