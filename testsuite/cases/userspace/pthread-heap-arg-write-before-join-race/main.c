// data-race: main passes a malloc'd counter to the thread and updates it again before pthread_join; the write before the create is ordered.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *bump(void *arg)
{
	long *n = arg;

	*n += 1; // expect: data-race
	return NULL;
}

int main(void)
{
	long *n = malloc(sizeof(*n));
	pthread_t t;

	*n = 10;
	pthread_create(&t, NULL, bump, n);
	*n += 5; // expect: data-race
	pthread_join(t, NULL);
	printf("%ld\n", *n);
	free(n);
	return 0;
}
