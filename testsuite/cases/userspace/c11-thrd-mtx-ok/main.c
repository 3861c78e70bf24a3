// negative: two C11 threads increment a counter under mtx_lock; main reads it after thrd_join.
#include <stdio.h>
#include <threads.h>

static long counter;
static mtx_t lock;

static int worker(void *arg)
{
	for (int i = 0; i < 1000; i++) {
		mtx_lock(&lock);
		counter++;
		mtx_unlock(&lock);
	}
	return 0;
}

int main(void)
{
	thrd_t a, b;

	mtx_init(&lock, mtx_plain);
	thrd_create(&a, worker, NULL);
	thrd_create(&b, worker, NULL);
	thrd_join(a, NULL);
	thrd_join(b, NULL);
	mtx_destroy(&lock);
	printf("%ld\n", counter);
	return 0;
}
