// data-race: a POSIX semaphore initialised to 2 lets two workers be between sem_wait and sem_post at once, so it guards nothing: their updates of the counter race (with sem_init(&sem, 0, 1) it would be a mutex, see sem-binary-mutex-ok).
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t sem;
static long counter;

static void *worker(void *arg)
{
	for (int i = 0; i < 100; i++) {
		sem_wait(&sem);
		counter++; // expect: data-race
		sem_post(&sem);
	}
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	sem_init(&sem, 0, 2);
	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%ld\n", counter);
	return 0;
}
