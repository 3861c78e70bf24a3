// data-race: a hand-rolled barrier counts arrivals with relaxed atomics; it makes the threads wait but orders no memory, so the writes on either side of it race.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_uint arrived;
static int payload;

static void meet(void)
{
	atomic_fetch_add_explicit(&arrived, 1, memory_order_relaxed);
	while (atomic_load_explicit(&arrived, memory_order_relaxed) < 2)
		;
}

static void *other(void *arg)
{
	meet();
	payload = 2; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, other, NULL);
	payload = 1; // expect: data-race
	meet();
	pthread_join(t, NULL);
	printf("%d\n", payload);
	return 0;
}
