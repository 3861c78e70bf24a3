// negative: two heap counters, each only touched under its own mutex; their non-static initialiser is inlined at -O2, and its out-of-line copy, which nothing calls, says nothing about counters coming from outside the program.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct counter {
	long n;
	long max;
};

struct counter *reads, *writes;
static pthread_mutex_t reads_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t writes_mu = PTHREAD_MUTEX_INITIALIZER;

void counter_init(struct counter *c, long max)
{
	c->n = 0;
	c->max = max;
}

static void *worker(void *arg)
{
	pthread_mutex_lock(&reads_mu);
	reads->n++;
	pthread_mutex_unlock(&reads_mu);
	pthread_mutex_lock(&writes_mu);
	writes->n++;
	pthread_mutex_unlock(&writes_mu);
	return NULL;
}

int main(void)
{
	pthread_t t;

	reads = malloc(sizeof(*reads));
	writes = malloc(sizeof(*writes));
	if (!reads || !writes)
		return 1;
	counter_init(reads, 100);
	counter_init(writes, 10);
	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&writes_mu);
	writes->n += 5;
	pthread_mutex_unlock(&writes_mu);
	pthread_mutex_lock(&reads_mu);
	printf("%ld\n", reads->n);
	pthread_mutex_unlock(&reads_mu);
	pthread_join(t, NULL);
	return 0;
}
