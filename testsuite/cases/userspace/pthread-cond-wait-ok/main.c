// negative: a consumer waits on a condition variable under the mutex (pthread_cond_wait re-acquires it) and reads the item the producer wrote under the same mutex.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;
static int item;

static void *producer(void *arg)
{
	pthread_mutex_lock(&m);
	item = 42;
	ready = 1;
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&m);
	return NULL;
}

static void *consumer(void *arg)
{
	int v;

	pthread_mutex_lock(&m);
	while (!ready)
		pthread_cond_wait(&cv, &m);
	v = item;
	item = 0;
	pthread_mutex_unlock(&m);
	printf("%d\n", v);
	return NULL;
}

int main(void)
{
	pthread_t p, c;

	pthread_create(&c, NULL, consumer, NULL);
	pthread_create(&p, NULL, producer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	return 0;
}
