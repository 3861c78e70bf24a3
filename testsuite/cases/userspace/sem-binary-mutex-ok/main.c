// negative: a POSIX semaphore initialised to 1 is used as a mutex around the shared counter (sem_wait acquires, sem_post releases).
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t sem;
static long counter;

static void *worker(void *arg)
{
	for (int i = 0; i < 100; i++) {
		sem_wait(&sem);
		counter++;
		sem_post(&sem);
	}
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	sem_init(&sem, 0, 1);
	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%ld\n", counter);
	return 0;
}
