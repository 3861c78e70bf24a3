// ok: the worker reads a heap buffer and main frees it only after joining the worker; the join orders the free after every read.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct buf {
	int len;
	int data[8];
};

static void *reader(void *arg)
{
	struct buf *b = arg;
	int sum = 0;

	for (int i = 0; i < 8; i++)
		sum += b->data[i];
	printf("%d\n", sum);
	return NULL;
}

int main(void)
{
	pthread_t t;
	struct buf *b = calloc(1, sizeof(*b));

	if (!b)
		return 1;
	b->len = 8;
	pthread_create(&t, NULL, reader, b);
	pthread_join(t, NULL);
	free(b);
	return 0;
}
