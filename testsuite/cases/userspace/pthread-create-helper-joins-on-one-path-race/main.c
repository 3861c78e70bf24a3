// data-race: kick() joins its worker only when told to wait; main's first call lets it run on, so it may still be counting when the second call's worker counts too
#include <pthread.h>
#include <stdio.h>

static long total;

static void *worker(void *arg)
{
	total += 1; // expect: data-race
	return NULL;
}

static void kick(int wait)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	if (wait)
		pthread_join(t, NULL);
}

int main(int argc, char **argv)
{
	kick(argc > 5);
	kick(1);
	return 0;
}
