// negative: a hand-rolled test-and-set spinlock (__atomic_test_and_set with acquire, __atomic_clear with release) guards the counter in every thread.
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

static bool spin;
static long counter;

static void acquire(void)
{
	while (__atomic_test_and_set(&spin, __ATOMIC_ACQUIRE))
		;
}

static void release(void)
{
	__atomic_clear(&spin, __ATOMIC_RELEASE);
}

static void *worker(void *arg)
{
	for (int i = 0; i < 1000; i++) {
		acquire();
		counter++;
		release();
	}
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%ld\n", counter);
	return 0;
}
