// negative: C11 threads update a counter only when mtx_trylock returned thrd_success, or under mtx_lock.
#include <stdio.h>
#include <threads.h>

static mtx_t lock;
static long total;

static int opportunist(void *arg)
{
	for (int i = 0; i < 100; i++) {
		if (mtx_trylock(&lock) == thrd_success) {
			total++;
			mtx_unlock(&lock);
		}
	}
	return 0;
}

static int steady(void *arg)
{
	for (int i = 0; i < 100; i++) {
		mtx_lock(&lock);
		total += 2;
		mtx_unlock(&lock);
	}
	return 0;
}

int main(void)
{
	thrd_t a, b;

	mtx_init(&lock, mtx_plain);
	thrd_create(&a, opportunist, NULL);
	thrd_create(&b, steady, NULL);
	thrd_join(a, NULL);
	thrd_join(b, NULL);
	mtx_destroy(&lock);
	printf("%ld\n", total);
	return 0;
}
