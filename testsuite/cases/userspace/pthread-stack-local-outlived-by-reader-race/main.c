// data-race: the lender thread stores the address of its own local with memory_order_release and returns; the borrower thread loads it with memory_order_acquire and reads through it, possibly after the lender's frame (and the local) is gone
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

static _Atomic(int *) loaned;

static void lend(int seed)
{
	int value = seed * 2;

	atomic_store_explicit(&loaned, &value, memory_order_release);
	sched_yield();
} // expect: data-race

static void *lender(void *arg)
{
	lend((int)(long)arg);
	return NULL;
}

static void *borrower(void *arg)
{
	int *p = atomic_load_explicit(&loaned, memory_order_acquire);

	if (p)
		printf("%d\n", *p); // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t l, b;

	pthread_create(&l, NULL, lender, (void *)21L);
	pthread_create(&b, NULL, borrower, NULL);
	pthread_join(l, NULL);
	pthread_join(b, NULL);
	return 0;
}
