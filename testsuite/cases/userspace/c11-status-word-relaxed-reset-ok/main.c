// negative: the producer sets a status word to 1 with release after writing the payload; a janitor thread clears it back to 0 with relaxed; the consumer waits until the word is non-zero with acquire, and only the producer's release store writes a non-zero value, so the payload read is ordered after its write.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static long payload;
static _Atomic int status;

static void *producer(void *arg)
{
	payload = (long)arg;
	atomic_store_explicit(&status, 1, memory_order_release);
	return NULL;
}

static void *janitor(void *arg)
{
	atomic_store_explicit(&status, 0, memory_order_relaxed);
	return NULL;
}

static void *consumer(void *arg)
{
	while (atomic_load_explicit(&status, memory_order_acquire) == 0)
		;
	printf("%ld\n", payload);
	return NULL;
}

int main(void)
{
	pthread_t p, j, c;

	pthread_create(&c, NULL, consumer, NULL);
	pthread_create(&j, NULL, janitor, NULL);
	pthread_create(&p, NULL, producer, (void *)7L);
	pthread_join(p, NULL);
	pthread_join(j, NULL);
	pthread_join(c, NULL);
	return 0;
}
