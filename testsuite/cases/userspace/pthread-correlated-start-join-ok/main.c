// ok: the flusher is started and waited for under one flag that does not change in between, so the final reset runs after it on every path where it was started.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static int pending;

static void *flusher(void *arg)
{
	pthread_mutex_lock(&queue_lock);
	pending = 0;
	pthread_mutex_unlock(&queue_lock);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;
	int async = argc > 2;

	if (async)
		pthread_create(&t, NULL, flusher, NULL);
	pthread_mutex_lock(&queue_lock);
	pending += 3;
	pthread_mutex_unlock(&queue_lock);
	if (async)
		pthread_join(t, NULL);
	pending = -1;
	printf("%d\n", pending);
	return 0;
}
