// data-race: two heap counters set up by one non-static initialiser; main updates the write counter under the read counter's mutex while the worker updates it under its own.
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
	writes->n++; // expect: data-race
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
	pthread_mutex_lock(&reads_mu);
	writes->n += 5; // expect: data-race
	printf("%ld\n", reads->n);
	pthread_mutex_unlock(&reads_mu);
	pthread_join(t, NULL);
	return 0;
}
