// ok: as lock-array-unlock-by-index-race, but the element unlocked by run-time index belongs to another array of locks: m[4] stays held around main's update of `data`.
#include <pthread.h>

static int data;
static pthread_mutex_t m[10];
static pthread_mutex_t other[10];

static void *worker(void *arg)
{
	pthread_mutex_lock(&m[4]);
	data++;
	pthread_mutex_unlock(&m[4]);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;
	int i = argc % 10;

	for (int k = 0; k < 10; k++) {
		pthread_mutex_init(&m[k], NULL);
		pthread_mutex_init(&other[k], NULL);
	}
	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&m[4]);
	pthread_mutex_lock(&other[i]);
	pthread_mutex_unlock(&other[i]);
	data++;
	pthread_mutex_unlock(&m[4]);
	pthread_join(t, NULL);
	return 0;
}
