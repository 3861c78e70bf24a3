// data-race: kick() starts a worker and joins it before returning, but main and a helper thread both call it, so two workers can count at once
#include <pthread.h>

static long total;

static void *worker(void *arg)
{
	total += 1; // expect: data-race
	return NULL;
}

static void kick(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
}

static void *helper(void *arg)
{
	kick();
	return NULL;
}

int main(void)
{
	pthread_t h;

	pthread_create(&h, NULL, helper, NULL);
	kick();
	pthread_join(h, NULL);
	return 0;
}
