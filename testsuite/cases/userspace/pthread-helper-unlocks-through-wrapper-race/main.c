// data-race: a helper releases the mutex its caller passes through an unlock wrapper and then bumps the counter, outside the lock; the other thread bumps it holding the mutex.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t ma = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t mb = PTHREAD_MUTEX_INITIALIZER;
static int count;

static void take(pthread_mutex_t *m)
{
	pthread_mutex_lock(m);
}

static void give(pthread_mutex_t *m)
{
	pthread_mutex_unlock(m);
}

static void finish(pthread_mutex_t *m, int *c)
{
	give(m);
	*c += 1; // expect: data-race
}

static void *first(void *arg)
{
	take(&mb);
	finish(&mb, &count);
	take(&ma);
	finish(&ma, &count);
	return NULL;
}

static void *second(void *arg)
{
	take(&ma);
	count++; // expect: data-race
	give(&ma);
	return NULL;
}

int main(void)
{
	pthread_t t1, t2;

	pthread_create(&t1, NULL, first, NULL);
	pthread_create(&t2, NULL, second, NULL);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	printf("%d\n", count);
	return 0;
}
