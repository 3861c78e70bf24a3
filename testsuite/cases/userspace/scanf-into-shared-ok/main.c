// ok: as scanf-into-shared-race, but main reads into `limit` holding the worker's lock, and sscanf parses into a local.
#include <pthread.h>
#include <stdio.h>

static int limit;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	pthread_mutex_lock(&m);
	limit++;
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t;
	char name[16];
	int extra = 0;

	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&m);
	if (scanf("%15s %d", name, &limit) != 2) {
		pthread_mutex_unlock(&m);
		return 1;
	}
	pthread_mutex_unlock(&m);
	if (sscanf(name, "%d", &extra) != 1)
		extra = 0;
	pthread_join(t, NULL);
	printf("%s %d %d\n", name, limit, extra);
	return 0;
}
