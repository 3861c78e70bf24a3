// data-race: SV-COMP style; a lock built from two __VERIFIER_atomic_* functions guards x in one thread, but the other thread writes x after releasing it.
#include <pthread.h>
#include <stdlib.h>

void assume_abort_if_not(int cond) { if (!cond) abort(); }

int m = 0;
int x = 0;

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
	x = x + 1; // expect: data-race
	__VERIFIER_atomic_release();
	return 0;
}

void *thr2(void *arg)
{
	__VERIFIER_atomic_acquire();
	__VERIFIER_atomic_release();
	x = 5; // expect: data-race
	return 0;
}

int main(void)
{
	pthread_t t1, t2;

	pthread_create(&t1, 0, thr1, 0);
	pthread_create(&t2, 0, thr2, 0);
	return 0;
}
