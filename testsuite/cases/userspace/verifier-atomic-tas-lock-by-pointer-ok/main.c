// negative: SV-COMP style; one __VERIFIER_atomic_* test-and-set helper pair takes its lock word by pointer; both threads update the total under lock word `la` and the other counter under `lb`.
#include <pthread.h>
#include <stdlib.h>

void assume_abort_if_not(int cond) { if (!cond) abort(); }

int la = 0, lb = 0;
int total = 0, other = 0;

void __VERIFIER_atomic_take(int *w)
{
	assume_abort_if_not(*w == 0);
	*w = 1;
}

void __VERIFIER_atomic_give(int *w)
{
	assume_abort_if_not(*w == 1);
	*w = 0;
}

void *adder(void *arg)
{
	__VERIFIER_atomic_take(&la);
	total = total + 1;
	__VERIFIER_atomic_give(&la);
	__VERIFIER_atomic_take(&lb);
	other = other + 1;
	__VERIFIER_atomic_give(&lb);
	return 0;
}

void *resetter(void *arg)
{
	__VERIFIER_atomic_take(&la);
	total = 0;
	__VERIFIER_atomic_give(&la);
	__VERIFIER_atomic_take(&lb);
	other = 0;
	__VERIFIER_atomic_give(&lb);
	return 0;
}

int main(void)
{
	pthread_t t1, t2;

	pthread_create(&t1, 0, adder, 0);
	pthread_create(&t2, 0, resetter, 0);
	return 0;
}
