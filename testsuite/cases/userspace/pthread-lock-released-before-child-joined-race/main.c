// data-race: main holds the config lock when it starts the refresher but unlocks before joining it, so the refresher's unlocked write may overlap the auditor's locked read.
#include <pthread.h>
#include <stdio.h>

static int generation;
static pthread_mutex_t config_lock = PTHREAD_MUTEX_INITIALIZER;

static void *auditor(void *arg)
{
	pthread_mutex_lock(&config_lock);
	printf("%d\n", generation); // expect: data-race
	pthread_mutex_unlock(&config_lock);
	return NULL;
}

static void *refresher(void *arg)
{
	generation++; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t a, r;

	pthread_create(&a, NULL, auditor, NULL);
	pthread_mutex_lock(&config_lock);
	pthread_create(&r, NULL, refresher, NULL);
	pthread_mutex_unlock(&config_lock);
	pthread_join(r, NULL);
	pthread_join(a, NULL);
	return 0;
}
