// data-race: a lock wrapper and an unlock wrapper take the mutex by pointer, and a second helper unlocks through the unlock wrapper; the first thread bumps the counter after that helper released its mutex.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t ma = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t mb = PTHREAD_MUTEX_INITIALIZER;
static int count, other;

static void take(pthread_mutex_t *m)
{
	pthread_mutex_lock(m);
}

static void give(pthread_mutex_t *m)
{
	pthread_mutex_unlock(m);
}

static void finish(pthread_mutex_t *m, int *done)
{
	*done += 1;
	give(m);
}

static void *first(void *arg)
{
	take(&mb);
	finish(&mb, &other);
	take(&ma);
	finish(&ma, &other);
	count++; // expect: data-race
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
	printf("%d %d\n", count, other);
	return 0;
}
