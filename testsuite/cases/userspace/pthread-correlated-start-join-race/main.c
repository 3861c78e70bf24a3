// data-race: the flusher is started under one flag and waited for under a flag main changes in between, so the final reset may run while it still runs.
#include <pthread.h>

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static int pending;

static void *flusher(void *arg)
{
	pthread_mutex_lock(&queue_lock);
	pending = 0; // expect: data-race
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
	async = argc > 4;
	if (async)
		pthread_join(t, NULL);
	pending = -1; // expect: data-race
	return 0;
}
