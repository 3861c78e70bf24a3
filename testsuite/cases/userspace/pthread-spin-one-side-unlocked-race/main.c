// data-race: the worker updates `level` under a pthread spinlock, but main reads it without taking the spinlock.
#include <pthread.h>
#include <stdio.h>

static int level;
static pthread_spinlock_t lock;

static void *worker(void *arg)
{
	for (int i = 0; i < 100; i++) {
		pthread_spin_lock(&lock);
		level = i; // expect: data-race
		pthread_spin_unlock(&lock);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;
	int seen;

	pthread_spin_init(&lock, PTHREAD_PROCESS_PRIVATE);
	pthread_create(&t, NULL, worker, NULL);
	seen = level; // expect: data-race
	pthread_join(t, NULL);
	pthread_spin_destroy(&lock);
	printf("%d\n", seen);
	return 0;
}
