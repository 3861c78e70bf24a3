// negative: every poller gets a pthread_t of its own in an array, and main joins each of them before it reads the counter.
#include <pthread.h>
#include <stdio.h>

static unsigned polls;
static pthread_mutex_t poll_lock = PTHREAD_MUTEX_INITIALIZER;

static void *poller(void *arg)
{
	pthread_mutex_lock(&poll_lock);
	polls++;
	pthread_mutex_unlock(&poll_lock);
	return NULL;
}

int main(void)
{
	pthread_t each[3];

	for (int p = 0; p < 3; p++)
		pthread_create(&each[p], NULL, poller, NULL);
	for (int p = 0; p < 3; p++)
		pthread_join(each[p], NULL);
	printf("%u\n", polls);
	return 0;
}
