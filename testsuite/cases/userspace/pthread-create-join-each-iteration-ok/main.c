// negative: each thread is joined before the next one is created, so the unlocked increments never overlap.
#include <pthread.h>
#include <stdio.h>

static long counter;

static void *worker(void *arg)
{
	counter++;
	return NULL;
}

int main(int argc, char **argv)
{
	for (int i = 0; i < argc + 3; i++) {
		pthread_t t;

		pthread_create(&t, NULL, worker, NULL);
		pthread_join(t, NULL);
	}
	printf("%ld\n", counter);
	return 0;
}
