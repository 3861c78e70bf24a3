// data-race: the classic mistake of passing the loop counter's address to each thread; the threads read it while main increments it for the next iteration, and two threads that read the same value write the same slot.
#include <pthread.h>
#include <stdio.h>

#define N 4

static int seen[N];

static void *worker(void *arg)
{
	int id = *(int *)arg; // expect: data-race

	seen[id % N] = 1; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t[N];
	int i;

	for (i = 0; i < N; i++) // expect: data-race
		pthread_create(&t[i], NULL, worker, &i);
	for (int k = 0; k < N; k++)
		pthread_join(t[k], NULL);
	printf("%d\n", seen[0]);
	return 0;
}
