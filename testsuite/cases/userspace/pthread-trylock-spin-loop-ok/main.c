// negative: workers spin on pthread_mutex_trylock until it succeeds (returns 0), then update the counter and unlock.
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *worker(void *arg)
{
	for (int i = 0; i < 50; i++) {
		while (pthread_mutex_trylock(&m) != 0)
			sched_yield();
		counter++;
		pthread_mutex_unlock(&m);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[3];

	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	printf("%ld\n", counter);
	return 0;
}
