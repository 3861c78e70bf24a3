// data-race: the worker updates the balance under the mutex, then resets it after unlocking; main's locked read races with that last write.
#include <pthread.h>
#include <stdio.h>

static long balance;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	pthread_mutex_lock(&lock);
	balance += 100;
	pthread_mutex_unlock(&lock);
	balance = 0; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t;
	long seen;

	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&lock);
	seen = balance; // expect: data-race
	pthread_mutex_unlock(&lock);
	pthread_join(t, NULL);
	printf("%ld\n", seen);
	return 0;
}
