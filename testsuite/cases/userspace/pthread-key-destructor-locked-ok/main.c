// negative: the pthread_key_create destructor that runs in each exiting worker frees that worker's own buffer and counts it under a mutex; main reads the count only after joining both workers.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_key_t key;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int released;

static void release_buf(void *p)
{
	free(p);
	pthread_mutex_lock(&m);
	released++;
	pthread_mutex_unlock(&m);
}

static void *worker(void *arg)
{
	int *buf = malloc(16 * sizeof(int));

	if (!buf)
		return NULL;
	pthread_setspecific(key, buf);
	for (int i = 0; i < 16; i++)
		buf[i] = i;
	return NULL;
}

int main(void)
{
	pthread_t t1, t2;

	pthread_key_create(&key, release_buf);
	pthread_create(&t1, NULL, worker, NULL);
	pthread_create(&t2, NULL, worker, NULL);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	printf("%d\n", released);
	return 0;
}
