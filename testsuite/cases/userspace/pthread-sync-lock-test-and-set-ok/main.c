// negative: a spinlock built from the legacy __sync_lock_test_and_set (acquire) and __sync_lock_release (release) builtins guards the counter in every thread.
#include <pthread.h>
#include <stdio.h>

static volatile int lock_word;
static long counter;

static void *worker(void *arg)
{
	for (int i = 0; i < 1000; i++) {
		while (__sync_lock_test_and_set(&lock_word, 1))
			;
		counter++;
		__sync_lock_release(&lock_word);
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
