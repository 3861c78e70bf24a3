// data-race: main starts a worker, clears a reply slot on its stack and stores the slot's address with memory_order_relaxed; the worker loads it relaxed and writes the answer, unordered with main's clearing write
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static _Atomic(int *) reply_to;

static void *worker(void *unused)
{
	int *slot;

	while (!(slot = atomic_load_explicit(&reply_to, memory_order_relaxed)))
		;
	*slot = 42; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t;
	int answer;

	pthread_create(&t, NULL, worker, NULL);
	answer = -1; // expect: data-race
	atomic_store_explicit(&reply_to, &answer, memory_order_relaxed);
	pthread_join(t, NULL);
	printf("%d\n", answer);
	return 0;
}
