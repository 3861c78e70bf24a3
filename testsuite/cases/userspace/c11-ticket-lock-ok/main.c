// negative: a C11 ticket lock (fetch_add on the next ticket, acquire spin on now-serving, release store to pass it on) guards the shared total in every thread.
#include <stdatomic.h>
#include <stdio.h>
#include <threads.h>

static atomic_uint next_ticket;
static atomic_uint now_serving;
static long total;

static void ticket_lock(void)
{
	unsigned my = atomic_fetch_add_explicit(&next_ticket, 1, memory_order_relaxed);

	while (atomic_load_explicit(&now_serving, memory_order_acquire) != my)
		thrd_yield();
}

static void ticket_unlock(void)
{
	unsigned cur = atomic_load_explicit(&now_serving, memory_order_relaxed);

	atomic_store_explicit(&now_serving, cur + 1, memory_order_release);
}

static int worker(void *arg)
{
	for (int i = 0; i < 100; i++) {
		ticket_lock();
		total += i;
		ticket_unlock();
	}
	return 0;
}

int main(void)
{
	thrd_t a, b;

	thrd_create(&a, worker, NULL);
	thrd_create(&b, worker, NULL);
	thrd_join(a, NULL);
	thrd_join(b, NULL);
	printf("%ld\n", total);
	return 0;
}
