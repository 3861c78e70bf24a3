// data-race: the worker unlocks through a pointer it never set instead of the lock it holds (a bug: it may release any lock), then updates the counter; main's locked read races with that update.
#include <pthread.h>
#include <stdio.h>

static long counter;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	pthread_mutex_t *held;

	pthread_mutex_lock(&lock);
	pthread_mutex_unlock(held);
	counter++; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t;
	long seen;

	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&lock);
	seen = counter; // expect: data-race
	pthread_mutex_unlock(&lock);
	pthread_join(t, NULL);
	printf("%ld\n", seen);
	return 0;
}
