// ok: the lender stores the address of its local with memory_order_release and spins until the borrower acknowledges (acquire); the borrower reads through the pointer before acknowledging (release), so the local outlives the read
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static _Atomic(int *) loaned;
static atomic_int returned;

static void *lender(void *arg)
{
	int value = (int)(long)arg * 2;

	atomic_store_explicit(&loaned, &value, memory_order_release);
	while (!atomic_load_explicit(&returned, memory_order_acquire))
		;
	return NULL;
}

static void *borrower(void *arg)
{
	int *p;
	int v;

	while (!(p = atomic_load_explicit(&loaned, memory_order_acquire)))
		;
	v = *p;
	atomic_store_explicit(&returned, 1, memory_order_release);
	printf("%d\n", v);
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
