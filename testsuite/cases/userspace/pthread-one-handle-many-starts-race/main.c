// data-race: every poller is started into the same pthread_t, which then holds the last one only; joining it waits for that one, and the earlier pollers may still be bumping the counter when main reads it.
#include <pthread.h>
#include <stdio.h>

static unsigned polls;
static pthread_mutex_t poll_lock = PTHREAD_MUTEX_INITIALIZER;

static void *poller(void *arg)
{
	pthread_mutex_lock(&poll_lock);
	polls++; // expect: data-race
	pthread_mutex_unlock(&poll_lock);
	return NULL;
}

int main(void)
{
	pthread_t last;

	for (int p = 0; p < 3; p++)
		pthread_create(&last, NULL, poller, NULL);
	pthread_join(last, NULL);
	printf("%u\n", polls); // expect: data-race
	return 0;
}
