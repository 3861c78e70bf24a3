// data-race: workers count with __atomic_fetch_add, but main reads the counter with a plain load while they run; one plain access is enough for a race.
#include <pthread.h>
#include <stdio.h>

static long hits;

static void *worker(void *arg)
{
	for (int i = 0; i < 1000; i++)
		__atomic_fetch_add(&hits, 1, __ATOMIC_RELAXED); // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	long seen;

	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	seen = hits; // expect: data-race
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%ld %ld\n", seen, hits);
	return 0;
}
