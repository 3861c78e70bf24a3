// data-race: each thread is joined before the next one is created, but main increments the counter while the thread it just created runs.
#include <pthread.h>
#include <stdio.h>

static long counter;

static void *worker(void *arg)
{
	counter += 2; // expect: data-race
	return NULL;
}

int main(int argc, char **argv)
{
	for (int i = 0; i < argc + 3; i++) {
		pthread_t t;

		pthread_create(&t, NULL, worker, NULL);
		counter++; // expect: data-race
		pthread_join(t, NULL);
	}
	printf("%ld\n", counter);
	return 0;
}
