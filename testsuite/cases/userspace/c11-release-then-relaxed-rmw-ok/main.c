// ok: the producer publishes the record with a release store of 1, then bumps the phase to 2 with a relaxed fetch_add; a read-modify-write continues the release sequence, so the consumer's acquire load of 2 still synchronises with the release store.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

struct record {
	int id;
	int len;
};

static struct record rec;
static _Atomic int phase;

static void *producer(void *arg)
{
	rec.len = 64;
	atomic_store_explicit(&phase, 1, memory_order_release);
	atomic_fetch_add_explicit(&phase, 1, memory_order_relaxed);
	return NULL;
}

static void *consumer(void *arg)
{
	while (atomic_load_explicit(&phase, memory_order_acquire) != 2)
		;
	printf("%d\n", rec.len);
	return NULL;
}

int main(void)
{
	pthread_t p, c;

	pthread_create(&c, NULL, consumer, NULL);
	pthread_create(&p, NULL, producer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	return 0;
}
