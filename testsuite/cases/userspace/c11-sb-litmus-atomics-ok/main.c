// negative: the store-buffering litmus test with _Atomic variables only; whatever outcome the orderings allow, every access is atomic, so nothing races.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static _Atomic int x, y;
static _Atomic int r0, r1;

static void *t0(void *arg)
{
	atomic_store_explicit(&x, 1, memory_order_relaxed);
	atomic_store_explicit(&r0, atomic_load_explicit(&y, memory_order_relaxed), memory_order_relaxed);
	return NULL;
}

static void *t1(void *arg)
{
	y = 1;
	r1 = x;
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, t0, NULL);
	pthread_create(&b, NULL, t1, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%d %d\n", r0, r1);
	return 0;
}
