// data-race: a compare-and-swap spinlock guards the counter in the workers, but main reads it without taking the spinlock while they run.
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

static int spin;
static long counter;

static void *worker(void *arg)
{
	for (int i = 0; i < 1000; i++) {
		int expected = 0;
		while (!__atomic_compare_exchange_n(&spin, &expected, 1, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			expected = 0;
		counter++; // expect: data-race
		__atomic_store_n(&spin, 0, __ATOMIC_RELEASE);
	}
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	long seen;

	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	seen = counter; // expect: data-race
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%ld %ld\n", seen, counter);
	return 0;
}
