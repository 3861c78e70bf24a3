// negative: threads created detached through a pthread_attr_t update a global under a mutex, and main reads it under the same mutex while they may still run.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int progress;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *background(void *arg)
{
	pthread_mutex_lock(&lock);
	progress += 10;
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(void)
{
	pthread_attr_t attr;
	pthread_t t;
	int seen;

	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	for (int i = 0; i < 3; i++)
		pthread_create(&t, &attr, background, NULL);
	pthread_attr_destroy(&attr);
	sleep(1);
	pthread_mutex_lock(&lock);
	seen = progress;
	pthread_mutex_unlock(&lock);
	printf("%d\n", seen);
	return 0;
}
