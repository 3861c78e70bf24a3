// data-race: main sleeps instead of joining before it reads what the worker writes; a sleep orders nothing, so the read and the write are concurrent.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int status;

static void *worker(void *arg)
{
	status = 1; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t;
	int seen;

	pthread_create(&t, NULL, worker, NULL);
	sleep(1);
	seen = status; // expect: data-race
	pthread_join(t, NULL);
	printf("%d\n", seen);
	return 0;
}
