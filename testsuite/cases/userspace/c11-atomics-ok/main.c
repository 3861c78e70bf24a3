// negative: two POSIX threads increment a global with C11 atomics.
#include <pthread.h>
#include <stdio.h>

#include <stdatomic.h>
static _Atomic long counter;

static void *worker(void *arg)
{
	for (int i = 0; i < 1000; i++) {
		atomic_fetch_add_explicit(&counter, 1, memory_order_relaxed);
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
