// negative: main holds a mutex while it starts a consumer (which waits for the mutex before touching the counter) and a spawner whose child bumps the counter; main joins that child through its global handle before it unlocks, so the child is over before the consumer can go on
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;
static pthread_t consumer_thread, spawner_thread, bumper_thread;
static long counter;

static void *consumer(void *arg)
{
	pthread_mutex_lock(&gate);
	pthread_mutex_unlock(&gate);
	counter *= 2;
	return NULL;
}

static void *bumper(void *arg)
{
	counter += 5;
	return NULL;
}

static void *spawner(void *arg)
{
	pthread_create(&bumper_thread, NULL, bumper, NULL);
	return NULL;
}

int main(void)
{
	pthread_mutex_lock(&gate);
	pthread_create(&consumer_thread, NULL, consumer, NULL);
	pthread_create(&spawner_thread, NULL, spawner, NULL);
	pthread_join(spawner_thread, NULL);
	pthread_join(bumper_thread, NULL);
	pthread_mutex_unlock(&gate);
	pthread_join(consumer_thread, NULL);
	printf("%ld\n", counter);
	return 0;
}
