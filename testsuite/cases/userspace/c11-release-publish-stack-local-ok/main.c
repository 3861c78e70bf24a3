// ok: main starts a worker, clears a reply slot on its stack and stores the slot address with memory_order_release; the worker loads it with memory_order_acquire, so the clearing write happens before the answer
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static _Atomic(int *) reply_to;

static void *worker(void *unused)
{
	int *slot;

	while (!(slot = atomic_load_explicit(&reply_to, memory_order_acquire)))
		;
	*slot = 42;
	return NULL;
}

int main(void)
{
	pthread_t t;
	int answer;

	pthread_create(&t, NULL, worker, NULL);
	answer = -1;
	atomic_store_explicit(&reply_to, &answer, memory_order_release);
	pthread_join(t, NULL);
	printf("%d\n", answer);
	return 0;
}
