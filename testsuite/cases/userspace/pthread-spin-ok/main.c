// negative: two POSIX threads increment a global under a pthread spinlock.
#include <pthread.h>
#include <stdio.h>

static long counter;
static pthread_spinlock_t lock;

static void *worker(void *arg)
{
	for (int i = 0; i < 1000; i++) {
		pthread_spin_lock(&lock);
		counter++;
		pthread_spin_unlock(&lock);
	}
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_spin_init(&lock, PTHREAD_PROCESS_PRIVATE);
	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%ld\n", counter);
	return 0;
}
