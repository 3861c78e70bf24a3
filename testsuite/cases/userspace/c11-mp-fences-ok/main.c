// negative: message passing with fences; the producer writes the data, issues a release fence and stores the flag relaxed; the consumer loads the flag relaxed, then issues an acquire fence before reading.
#include <stdatomic.h>
#include <stdio.h>
#include <threads.h>

static int data[4];
static atomic_int ready;

static int producer(void *arg)
{
	for (int i = 0; i < 4; i++)
		data[i] = i + 1;
	atomic_thread_fence(memory_order_release);
	atomic_store_explicit(&ready, 1, memory_order_relaxed);
	return 0;
}

static int consumer(void *arg)
{
	int sum = 0;

	while (!atomic_load_explicit(&ready, memory_order_relaxed))
		thrd_yield();
	atomic_thread_fence(memory_order_acquire);
	for (int i = 0; i < 4; i++)
		sum += data[i];
	return sum;
}

int main(void)
{
	thrd_t p, c;
	int sum;

	thrd_create(&c, consumer, NULL);
	thrd_create(&p, producer, NULL);
	thrd_join(p, NULL);
	thrd_join(c, &sum);
	printf("%d\n", sum);
	return 0;
}
