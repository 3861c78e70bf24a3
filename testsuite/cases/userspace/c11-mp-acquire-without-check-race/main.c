// data-race: the consumer loads the flag with acquire but reads the data whatever value it saw; when the load sees 0 nothing orders the read after the producer's write.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static int data;
static atomic_int ready;

static void *producer(void *arg)
{
	data = 42; // expect: data-race
	atomic_store_explicit(&ready, 1, memory_order_release);
	return NULL;
}

static void *consumer(void *arg)
{
	int r = atomic_load_explicit(&ready, memory_order_acquire);
	int d = data; // expect: data-race

	printf("%d %d\n", r, d);
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
