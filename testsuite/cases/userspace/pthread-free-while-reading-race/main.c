// data-race: a worker reads a heap buffer while main frees it without joining first; a free writes the whole object (use after free).
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
		sum += b->data[i]; // expect: data-race
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
	free(b); // expect: data-race
	pthread_join(t, NULL);
	return 0;
}
