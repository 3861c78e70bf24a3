// data-race: when locking the error-checking mutex fails, main still bumps the tally on that branch, without the lock the worker takes
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t guard = PTHREAD_MUTEX_INITIALIZER;
static int tally;

static void *worker(void *arg)
{
	pthread_mutex_lock(&guard);
	tally = tally + 1; // expect: data-race #tally
	pthread_mutex_unlock(&guard);
	return arg;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	if (pthread_mutex_lock(&guard) != 0) {
		perror("lock");
		tally = tally + 10; // expect: data-race #tally
	} else {
		tally = tally + 2;
		pthread_mutex_unlock(&guard);
	}
	pthread_join(t, NULL);
	return tally;
}
