// ok: every update holds the mutex: main touches the tally only on the branch where locking succeeded, and the worker gives up before touching it when locking fails
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t guard = PTHREAD_MUTEX_INITIALIZER;
static int tally;

static void *worker(void *arg)
{
	if (pthread_mutex_lock(&guard))
		return NULL;
	tally = tally + 1;
	pthread_mutex_unlock(&guard);
	return arg;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	if (pthread_mutex_lock(&guard) == 0) {
		tally = tally + 2;
		pthread_mutex_unlock(&guard);
	} else {
		perror("lock");
	}
	pthread_join(t, NULL);
	return 0;
}
