// data-race: a worker fills a shared name buffer with strcpy while main reads it (strlen) before joining; library string functions access the memory they are given.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char name[32];

static void *namer(void *arg)
{
	strcpy(name, (const char *)arg); // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t;
	size_t len;

	pthread_create(&t, NULL, namer, "worker-one");
	len = strlen(name); // expect: data-race
	pthread_join(t, NULL);
	printf("%zu %s\n", len, name);
	return 0;
}
