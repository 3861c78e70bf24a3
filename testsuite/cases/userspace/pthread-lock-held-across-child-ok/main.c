// negative: main takes the config lock, starts a refresher, joins it and only then unlocks, so the refresher's unlocked write happens inside main's critical section and cannot overlap the auditor, which takes the same lock.
#include <pthread.h>
#include <stdio.h>

static int generation;
static pthread_mutex_t config_lock = PTHREAD_MUTEX_INITIALIZER;

static void *auditor(void *arg)
{
	pthread_mutex_lock(&config_lock);
	printf("%d\n", generation);
	pthread_mutex_unlock(&config_lock);
	return NULL;
}

static void *refresher(void *arg)
{
	generation++;
	return NULL;
}

int main(void)
{
	pthread_t a, r;

	pthread_create(&a, NULL, auditor, NULL);
	pthread_mutex_lock(&config_lock);
	pthread_create(&r, NULL, refresher, NULL);
	pthread_join(r, NULL);
	pthread_mutex_unlock(&config_lock);
	pthread_join(a, NULL);
	return 0;
}
