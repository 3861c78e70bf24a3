// negative: readers retry pthread_rwlock_tryrdlock until it succeeds (returns 0) and only then read the table; the writer updates it under pthread_rwlock_wrlock.
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static int table[8];

static void *reader(void *arg)
{
	long sum = 0;

	for (int round = 0; round < 10; round++) {
		while (pthread_rwlock_tryrdlock(&rw) != 0)
			sched_yield();
		for (int i = 0; i < 8; i++)
			sum += table[i];
		pthread_rwlock_unlock(&rw);
	}
	printf("%ld\n", sum);
	return NULL;
}

static void *writer(void *arg)
{
	for (int round = 0; round < 10; round++) {
		pthread_rwlock_wrlock(&rw);
		for (int i = 0; i < 8; i++)
			table[i] += round;
		pthread_rwlock_unlock(&rw);
	}
	return NULL;
}

int main(void)
{
	pthread_t r1, r2, w;

	pthread_create(&r1, NULL, reader, NULL);
	pthread_create(&r2, NULL, reader, NULL);
	pthread_create(&w, NULL, writer, NULL);
	pthread_join(r1, NULL);
	pthread_join(r2, NULL);
	pthread_join(w, NULL);
	return 0;
}
