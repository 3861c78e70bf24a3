// data-race: one C11 thread updates the total under mtx_lock, the other without the mutex.
#include <stdio.h>
#include <threads.h>

static mtx_t lock;
static long total;

static int careful(void *arg)
{
	for (int i = 0; i < 100; i++) {
		mtx_lock(&lock);
		total += 2; // expect: data-race
		mtx_unlock(&lock);
	}
	return 0;
}

static int careless(void *arg)
{
	for (int i = 0; i < 100; i++)
		total += 1; // expect: data-race
	return 0;
}

int main(void)
{
	thrd_t a, b;

	mtx_init(&lock, mtx_plain);
	thrd_create(&a, careful, NULL);
	thrd_create(&b, careless, NULL);
	thrd_join(a, NULL);
	thrd_join(b, NULL);
	mtx_destroy(&lock);
	printf("%ld\n", total);
	return 0;
}
