// data-race: as the rounds above but with one barrier per round; a fast worker writes its cell for the next round while its neighbour still reads it for this one.
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
		cells[id] = r * 10 + (int)id; // expect: data-race
		pthread_barrier_wait(&step);
		seen[id] += cells[(id + 1) % WORKERS]; // expect: data-race
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
