// missing-release, data-race: the producer publishes the record with a release store of 1, then stores 2 relaxed to say it moved on; the consumer acts on 2, which only the relaxed store writes: that store ends the release sequence (only read-modify-writes continue one), so the record's write and read are unordered and race.
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
	rec.len = 64; // expect: data-race
	atomic_store_explicit(&phase, 1, memory_order_release);
	atomic_store_explicit(&phase, 2, memory_order_relaxed); // expect: missing-release
	return NULL;
}

static void *consumer(void *arg)
{
	while (atomic_load_explicit(&phase, memory_order_acquire) != 2)
		;
	printf("%d\n", rec.len); // expect: data-race
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
