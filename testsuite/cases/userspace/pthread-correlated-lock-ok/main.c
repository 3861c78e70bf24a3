// ok: main takes the lock, updates the total and releases it under one flag that does not change in between; without the flag it updates nothing.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;
static long total;

static void *adder(void *arg)
{
	pthread_mutex_lock(&total_lock);
	total += 5;
	pthread_mutex_unlock(&total_lock);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;
	int shared = argc > 1;

	pthread_create(&t, NULL, adder, NULL);
	if (shared)
		pthread_mutex_lock(&total_lock);
	if (shared)
		total += 2;
	if (shared)
		pthread_mutex_unlock(&total_lock);
	pthread_join(t, NULL);
	printf("%ld\n", total);
	return 0;
}
