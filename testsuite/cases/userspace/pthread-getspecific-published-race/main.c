// data-race: a worker keeps a counter in thread-specific data but also publishes its address in a global; main reads the counter through the global while the worker still updates it.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct stats {
	long hits;
};

static pthread_key_t stats_key;
static struct stats *last_published;
static pthread_mutex_t pub_lock = PTHREAD_MUTEX_INITIALIZER;

static struct stats *my_stats(void)
{
	struct stats *s = pthread_getspecific(stats_key);

	if (!s) {
		s = calloc(1, sizeof(*s));
		pthread_setspecific(stats_key, s);
		pthread_mutex_lock(&pub_lock);
		last_published = s;
		pthread_mutex_unlock(&pub_lock);
	}
	return s;
}

static void *worker(void *arg)
{
	for (int i = 0; i < 100; i++)
		my_stats()->hits++; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t;
	struct stats *s = NULL;
	long seen = 0;

	pthread_key_create(&stats_key, free);
	pthread_create(&t, NULL, worker, NULL);
	while (!s) {
		pthread_mutex_lock(&pub_lock);
		s = last_published;
		pthread_mutex_unlock(&pub_lock);
	}
	seen = s->hits; // expect: data-race
	pthread_join(t, NULL);
	printf("%ld\n", seen);
	return 0;
}
