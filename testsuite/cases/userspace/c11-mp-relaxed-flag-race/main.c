// missing-release, missing-acquire: message passing through a C11 _Atomic flag with relaxed orderings; the flag orders nothing, so the consumer's read of the data is not ordered after the producer's write.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static int data;
static _Atomic int ready;

static void *producer(void *arg)
{
	data = 42;
	atomic_store_explicit(&ready, 1, memory_order_relaxed); // expect: missing-release
	return NULL;
}

static void *consumer(void *arg)
{
	while (!atomic_load_explicit(&ready, memory_order_relaxed)) // expect: missing-acquire
		;
	printf("%d\n", data);
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
