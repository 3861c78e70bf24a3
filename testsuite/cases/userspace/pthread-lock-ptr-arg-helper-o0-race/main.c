// data-race: the helper takes the mutex and the counter as arguments; the two threads update the same counter under different mutexes (built without optimisation, where the helper stays a function of its own).
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t ma = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t mb = PTHREAD_MUTEX_INITIALIZER;
static int shared;

static void bump(pthread_mutex_t *m, int *c)
{
	pthread_mutex_lock(m);
	*c += 1; // expect: data-race
	pthread_mutex_unlock(m);
}

static void *left(void *arg)
{
	for (int i = 0; i < 10; i++)
		bump(&ma, &shared);
	return NULL;
}

static void *right(void *arg)
{
	for (int i = 0; i < 10; i++)
		bump(&mb, &shared);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, left, NULL);
	pthread_create(&b, NULL, right, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%d\n", shared);
	return 0;
}
