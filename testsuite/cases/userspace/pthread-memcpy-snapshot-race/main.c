// data-race: a reader copies a shared config struct with memcpy under the mutex while the writer updates one field without it.
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
	memcpy(&snap, &current, sizeof(snap)); // expect: data-race
	pthread_mutex_unlock(&cfg_lock);
	printf("%d %d %ld\n", snap.width, snap.height, snap.flags);
	return NULL;
}

static void *writer(void *arg)
{
	current.height = 480; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t r, w;

	pthread_create(&r, NULL, reader, NULL);
	pthread_create(&w, NULL, writer, NULL);
	pthread_join(r, NULL);
	pthread_join(w, NULL);
	return 0;
}
