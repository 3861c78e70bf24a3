// negative: a writer updates the table only when pthread_rwlock_trywrlock succeeded (returned 0), readers read under rdlock.
#include <pthread.h>
#include <stdio.h>

static int table[8];
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;

static void *writer(void *arg)
{
	for (int round = 0; round < 100; round++) {
		if (pthread_rwlock_trywrlock(&rw) != 0)
			continue;
		table[round % 8] = round;
		pthread_rwlock_unlock(&rw);
	}
	return NULL;
}

static void *reader(void *arg)
{
	long sum = 0;

	pthread_rwlock_rdlock(&rw);
	for (int i = 0; i < 8; i++)
		sum += table[i];
	pthread_rwlock_unlock(&rw);
	return (void *)sum;
}

int main(void)
{
	pthread_t w, r1, r2;

	pthread_create(&w, NULL, writer, NULL);
	pthread_create(&r1, NULL, reader, NULL);
	pthread_create(&r2, NULL, reader, NULL);
	pthread_join(w, NULL);
	pthread_join(r1, NULL);
	pthread_join(r2, NULL);
	printf("%d\n", table[0]);
	return 0;
}
