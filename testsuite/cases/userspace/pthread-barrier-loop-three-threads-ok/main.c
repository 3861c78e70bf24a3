// negative: three workers started in a loop run rounds; each round writes its own cell, waits at the barrier, reads a neighbour's cell and waits again before the next write.
#include <pthread.h>
#include <stdio.h>

#define WORKERS 3
#define ROUNDS 4

static pthread_barrier_t step;
static int cells[WORKERS];
static int seen[WORKERS];

static void *worker(void *arg)
{
	long id = (long)arg;

	for (int r = 0; r < ROUNDS; r++) {
		cells[id] = r * 10 + (int)id;
		pthread_barrier_wait(&step);
		seen[id] += cells[(id + 1) % WORKERS];
		pthread_barrier_wait(&step);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[WORKERS];

	pthread_barrier_init(&step, NULL, WORKERS);
	for (long i = 0; i < WORKERS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < WORKERS; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < WORKERS; i++)
		printf("%d\n", seen[i]);
	return 0;
}
