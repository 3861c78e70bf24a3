// data-race: the loader waits for the lock main held when it started it, so main's writes before the unlock are ordered; main's write after the unlock is not, and the loader takes the lock only on one path before it reads the mode, so that read races with main's locked write.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t setup_lock = PTHREAD_MUTEX_INITIALIZER;
static int limit;
static int mode;
static int late;

static void *loader(void *arg)
{
	if (arg) {
		pthread_mutex_lock(&setup_lock);
		pthread_mutex_unlock(&setup_lock);
	}
	printf("%d\n", mode); // expect: data-race #mode
	pthread_mutex_lock(&setup_lock);
	pthread_mutex_unlock(&setup_lock);
	printf("%d %d\n", limit, late); // expect: data-race #late
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t l;

	pthread_mutex_lock(&setup_lock);
	pthread_create(&l, NULL, loader, argc > 1 ? argv : NULL);
	limit = 64;
	mode = argc; // expect: data-race #mode
	pthread_mutex_unlock(&setup_lock);
	late = 1; // expect: data-race #late
	pthread_join(l, NULL);
	return 0;
}
