// data-race: main frees a heap counter while the worker may still update it atomically; the atomic update does not protect against a free, which writes the whole object.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *worker(void *arg)
{
	int *cnt = arg;

	__atomic_fetch_add(cnt, 1, __ATOMIC_RELAXED); // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t;
	int *cnt = calloc(1, sizeof(*cnt));

	if (!cnt)
		return 1;
	pthread_create(&t, NULL, worker, cnt);
	free(cnt); // expect: data-race
	pthread_join(t, NULL);
	return 0;
}
