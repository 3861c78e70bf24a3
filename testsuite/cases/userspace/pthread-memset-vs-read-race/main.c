// data-race: a worker clears a global buffer with memset while main, before joining it, reads one element.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char buffer[64];

static void *clearer(void *arg)
{
	memset(buffer, 0, sizeof(buffer)); // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t;
	char c;

	buffer[10] = 'x';
	pthread_create(&t, NULL, clearer, NULL);
	c = buffer[10]; // expect: data-race
	pthread_join(t, NULL);
	printf("%d %d\n", c, buffer[10]);
	return 0;
}
