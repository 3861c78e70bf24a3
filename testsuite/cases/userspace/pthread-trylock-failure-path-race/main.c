// data-race: the worker writes `misses` on the pthread_mutex_trylock failure path (lock not held) while main writes it under the lock.
#include <pthread.h>
#include <stdio.h>

static long counter;
static long misses;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	for (int i = 0; i < 1000; i++) {
		if (pthread_mutex_trylock(&lock) != 0) {
			misses++; // expect: data-race
		} else {
			counter++;
			pthread_mutex_unlock(&lock);
		}
	}
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&lock);
	misses = 0; // expect: data-race
	counter = 0;
	pthread_mutex_unlock(&lock);
	pthread_join(t, NULL);
	printf("%ld %ld\n", counter, misses);
	return 0;
}
