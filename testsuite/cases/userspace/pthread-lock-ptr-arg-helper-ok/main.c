// negative: a helper takes the mutex and the counter it guards as arguments; each thread passes its own pair, and main uses the same pairs.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t ma = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t mb = PTHREAD_MUTEX_INITIALIZER;
static int ca, cb;

static void bump(pthread_mutex_t *m, int *c)
{
	pthread_mutex_lock(m);
	*c += 1;
	pthread_mutex_unlock(m);
}

static void *left(void *arg)
{
	for (int i = 0; i < 10; i++)
		bump(&ma, &ca);
	return NULL;
}

static void *right(void *arg)
{
	for (int i = 0; i < 10; i++)
		bump(&mb, &cb);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, left, NULL);
	pthread_create(&b, NULL, right, NULL);
	bump(&ma, &ca);
	bump(&mb, &cb);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%d %d\n", ca, cb);
	return 0;
}
