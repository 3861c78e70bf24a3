// ok: main resets the counters through a helper before it starts the worker; the worker's own call of the helper is the only one that runs with it.
#include <pthread.h>
#include <stdlib.h>

struct stats {
	long hits;
	long misses;
};

static struct stats *st;

__attribute__((noinline)) static void reset(struct stats *s, long v)
{
	s->hits = v;
	s->misses = v;
}

static void *worker(void *arg)
{
	reset(st, 1);
	return NULL;
}

int main(void)
{
	pthread_t t;

	st = malloc(sizeof *st);
	if (!st)
		return 1;
	reset(st, 0);
	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	free(st);
	return 0;
}
