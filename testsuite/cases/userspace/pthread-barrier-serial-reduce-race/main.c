// data-race: as the reduction above without the second barrier; the other workers read the total while the serial thread still adds to it.
#include <pthread.h>
#include <stdio.h>

#define WORKERS 4

static pthread_barrier_t bar;
static long partial[WORKERS];
static long total;

static void *work(void *arg)
{
	long id = (long)arg;
	long mine;

	partial[id] = id * 100;
	if (pthread_barrier_wait(&bar) == PTHREAD_BARRIER_SERIAL_THREAD) {
		for (int i = 0; i < WORKERS; i++)
			total += partial[i]; // expect: data-race
	}
	mine = total; // expect: data-race
	printf("%ld %ld\n", id, mine);
	return NULL;
}

int main(void)
{
	pthread_t t[WORKERS];

	pthread_barrier_init(&bar, NULL, WORKERS);
	for (long i = 0; i < WORKERS; i++)
		pthread_create(&t[i], NULL, work, (void *)i);
	for (int i = 0; i < WORKERS; i++)
		pthread_join(t[i], NULL);
	return 0;
}
