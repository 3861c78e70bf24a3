// negative: SV-COMP style; a lock built from two __VERIFIER_atomic_* functions (acquire waits until the word is 0 and sets it to 1, release sets it back to 0) guards the shared data in both threads.
#include <pthread.h>
#include <stdlib.h>

extern int __VERIFIER_nondet_int(void);
void assume_abort_if_not(int cond) { if (!cond) abort(); }

int m = 0;
int x = 0, y = 0;

void __VERIFIER_atomic_acquire(void)
{
	assume_abort_if_not(m == 0);
	m = 1;
}

void __VERIFIER_atomic_release(void)
{
	assume_abort_if_not(m == 1);
	m = 0;
}

void *thr1(void *arg)
{
	__VERIFIER_atomic_acquire();
	x = x + 1;
	y = x;
	__VERIFIER_atomic_release();
	return 0;
}

void *thr2(void *arg)
{
	__VERIFIER_atomic_acquire();
	if (__VERIFIER_nondet_int())
		x = 0;
	y = y + 2;
	__VERIFIER_atomic_release();
	return 0;
}

int main(void)
{
	pthread_t t1, t2;

	pthread_create(&t1, 0, thr1, 0);
	pthread_create(&t2, 0, thr2, 0);
	return 0;
}
