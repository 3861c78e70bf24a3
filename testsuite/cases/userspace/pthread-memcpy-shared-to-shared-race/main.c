// data-race: a worker copies one global table into another with memcpy while main reads the destination before joining it; the copy both reads and writes shared memory.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static int staged[16];
static int active[16];

static void *publish(void *arg)
{
	memcpy(active, staged, sizeof(active)); // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t;
	int first;

	for (int i = 0; i < 16; i++)
		staged[i] = i;
	pthread_create(&t, NULL, publish, NULL);
	first = active[3]; // expect: data-race
	pthread_join(t, NULL);
	printf("%d %d\n", first, active[3]);
	return 0;
}
