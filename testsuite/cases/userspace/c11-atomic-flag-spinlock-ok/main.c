// negative: a C11 atomic_flag spinlock (test_and_set with acquire, clear with release) guards a shared list length in every thread.
#include <stdatomic.h>
#include <stdio.h>
#include <threads.h>

static atomic_flag guard = ATOMIC_FLAG_INIT;
static int length;

static void spin_acquire(void)
{
	while (atomic_flag_test_and_set_explicit(&guard, memory_order_acquire))
		thrd_yield();
}

static void spin_release(void)
{
	atomic_flag_clear_explicit(&guard, memory_order_release);
}

static int grow(void *arg)
{
	for (int i = 0; i < 100; i++) {
		spin_acquire();
		length++;
		spin_release();
	}
	return 0;
}

int main(void)
{
	thrd_t a, b;

	thrd_create(&a, grow, NULL);
	thrd_create(&b, grow, NULL);
	thrd_join(a, NULL);
	thrd_join(b, NULL);
	printf("%d\n", length);
	return 0;
}
