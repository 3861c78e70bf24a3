// data-race: main takes the lock under one flag and updates the total under another, so on some runs it updates the total without the lock.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;
static long total;

static void *adder(void *arg)
{
	pthread_mutex_lock(&total_lock);
	total += 5; // expect: data-race
	pthread_mutex_unlock(&total_lock);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;
	int shared = argc > 1;
	int update = argc > 0;

	pthread_create(&t, NULL, adder, NULL);
	if (shared)
		pthread_mutex_lock(&total_lock);
	if (update)
		total += 2; // expect: data-race
	if (shared)
		pthread_mutex_unlock(&total_lock);
	pthread_join(t, NULL);
	printf("%ld\n", total);
	return 0;
}
