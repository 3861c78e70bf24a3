// data-race: a detached thread writes a global that main reads after sleeping; detach means no join ever orders them, and sleep is not synchronisation.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int progress;

static void *background(void *arg)
{
	progress = 100; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t;

	progress = 1;
	pthread_create(&t, NULL, background, NULL);
	pthread_detach(t);
	sleep(1);
	printf("%d\n", progress); // expect: data-race
	return 0;
}
