// data-race: two POSIX threads increment a global without a lock.
#include <pthread.h>
#include <stdio.h>

static long counter;

static void *worker(void *arg)
{
	for (int i = 0; i < 1000; i++) {
		counter++; // expect: data-race
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
