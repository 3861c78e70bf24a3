// data-race: a status word is set to READY (1) with release after the payload is written, and to ABORTED (2) with relaxed by a watchdog; the consumer reads the payload on ABORTED, a value no release store writes, so the read is not ordered after the producer's write.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

enum { READY = 1, ABORTED = 2 };

static long payload;
static _Atomic int status;

static void *producer(void *arg)
{
	payload = (long)arg; // expect: data-race
	atomic_store_explicit(&status, READY, memory_order_release);
	return NULL;
}

static void *watchdog(void *arg)
{
	atomic_store_explicit(&status, ABORTED, memory_order_relaxed);
	return NULL;
}

static void *consumer(void *arg)
{
	if (atomic_load_explicit(&status, memory_order_acquire) == ABORTED)
		printf("aborted at %ld\n", payload); // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t p, w, c;

	pthread_create(&c, NULL, consumer, NULL);
	pthread_create(&w, NULL, watchdog, NULL);
	pthread_create(&p, NULL, producer, (void *)7L);
	pthread_join(p, NULL);
	pthread_join(w, NULL);
	pthread_join(c, NULL);
	return 0;
}
