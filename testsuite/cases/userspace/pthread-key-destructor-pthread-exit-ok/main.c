// negative: workers leave through pthread_exit, which runs the key's destructor in each of them; the destructor frees the worker's own buffer and counts it under a mutex, and main reads the count after joining both.
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
	long *buf = malloc(8 * sizeof(long));

	if (!buf)
		pthread_exit(NULL);
	pthread_setspecific(key, buf);
	for (int i = 0; i < 8; i++)
		buf[i] = (long)arg + i;
	pthread_exit(NULL);
}

int main(void)
{
	pthread_t t1, t2;

	pthread_key_create(&key, release_buf);
	pthread_create(&t1, NULL, worker, (void *)1L);
	pthread_create(&t2, NULL, worker, (void *)2L);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	printf("%d\n", released);
	return 0;
}
