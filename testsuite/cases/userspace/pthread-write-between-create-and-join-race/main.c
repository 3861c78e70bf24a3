// data-race: main writes `limit` before pthread_create (ordered) and again between create and join (races with the thread's read); the read of `result` after join is ordered.
#include <pthread.h>
#include <stdio.h>

static int limit;
static int result;

static void *worker(void *arg)
{
	int l = limit; // expect: data-race
	result = l + 1;
	return NULL;
}

int main(void)
{
	pthread_t t;

	limit = 10;
	pthread_create(&t, NULL, worker, NULL);
	limit = 20; // expect: data-race
	pthread_join(t, NULL);
	printf("%d %d\n", result, limit);
	return 0;
}
