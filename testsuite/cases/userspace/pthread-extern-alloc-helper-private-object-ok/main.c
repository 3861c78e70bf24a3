// negative: one non-static constructor makes two counters; only the second is handed to the worker, and main's unlocked updates go to the first, which no other thread sees.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct counter {
	pthread_mutex_t lock;
	long hits;
};

struct counter *new_counter(long start)
{
	struct counter *c = malloc(sizeof(*c));

	if (!c)
		exit(1);
	pthread_mutex_init(&c->lock, NULL);
	c->hits = start;
	return c;
}

static struct counter *local_stats, *shared_stats;

static void *worker(void *arg)
{
	for (int i = 0; i < 10; i++) {
		pthread_mutex_lock(&shared_stats->lock);
		shared_stats->hits++;
		pthread_mutex_unlock(&shared_stats->lock);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;

	local_stats = new_counter(0);
	shared_stats = new_counter(100);
	pthread_create(&t, NULL, worker, NULL);
	for (int i = 0; i < 10; i++)
		local_stats->hits += 2;
	pthread_join(t, NULL);
	printf("%ld %ld\n", local_stats->hits, shared_stats->hits);
	return 0;
}
