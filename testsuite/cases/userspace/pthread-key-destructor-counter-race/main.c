// data-race: the destructor registered with pthread_key_create runs in every exiting thread that set a value; two workers exit concurrently, so its unlocked update of the global counter races with itself.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_key_t key;
static int released;

static void release_buf(void *p)
{
	free(p);
	released++; // expect: data-race
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
	return 0;
}
