// data-race: main holds the config lock from starting the refresher to joining it, which keeps other threads out but not main itself: main's write in that critical section overlaps the refresher's.
#include <pthread.h>
#include <stdio.h>

static int generation;
static pthread_mutex_t config_lock = PTHREAD_MUTEX_INITIALIZER;

static void *refresher(void *arg)
{
	generation++; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t r;

	pthread_mutex_lock(&config_lock);
	pthread_create(&r, NULL, refresher, NULL);
	generation += 2; // expect: data-race
	pthread_join(r, NULL);
	pthread_mutex_unlock(&config_lock);
	printf("%d\n", generation);
	return 0;
}
