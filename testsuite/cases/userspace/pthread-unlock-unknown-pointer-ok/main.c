// ok: the worker's unlock through a pointer it never set comes after its update of the counter, which the lock still protects; main's locked read does not race.
#include <pthread.h>
#include <stdio.h>

static long counter;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	pthread_mutex_t *held;

	pthread_mutex_lock(&lock);
	counter++;
	pthread_mutex_unlock(held);
	return NULL;
}

int main(void)
{
	pthread_t t;
	long seen;

	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&lock);
	seen = counter;
	pthread_mutex_unlock(&lock);
	pthread_join(t, NULL);
	printf("%ld\n", seen);
	return 0;
}
