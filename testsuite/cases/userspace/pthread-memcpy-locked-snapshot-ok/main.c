// negative: readers copy a shared config struct with memcpy under the mutex, and the writer replaces it with memcpy under the same mutex.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct config {
	int width;
	int height;
	long flags;
};

static struct config current;
static pthread_mutex_t cfg_lock = PTHREAD_MUTEX_INITIALIZER;

static void *reader(void *arg)
{
	struct config snap;

	pthread_mutex_lock(&cfg_lock);
	memcpy(&snap, &current, sizeof(snap));
	pthread_mutex_unlock(&cfg_lock);
	printf("%d %d %ld\n", snap.width, snap.height, snap.flags);
	return NULL;
}

static void *writer(void *arg)
{
	struct config next = { 640, 480, (long)arg };

	pthread_mutex_lock(&cfg_lock);
	memcpy(&current, &next, sizeof(next));
	pthread_mutex_unlock(&cfg_lock);
	return NULL;
}

int main(void)
{
	pthread_t r1, r2, w;

	pthread_create(&r1, NULL, reader, NULL);
	pthread_create(&w, NULL, writer, (void *)7L);
	pthread_create(&r2, NULL, reader, NULL);
	pthread_join(r1, NULL);
	pthread_join(w, NULL);
	pthread_join(r2, NULL);
	return 0;
}
