// negative: SV-COMP style; the lock word of a lock built from two __VERIFIER_atomic_* functions is a _Bool, which -O0 loads as i8 and truncates and widens before the test against 0; it still guards the shared data in both threads (-O0 only: at -O2 clang deletes the word's stores, see verifier-atomic-tas-lock-o2-ok).
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

void assume_abort_if_not(int cond) { if (!cond) abort(); }

bool busy;
int total;

void __VERIFIER_atomic_take(void)
{
	assume_abort_if_not(busy == false);
	busy = true;
}

void __VERIFIER_atomic_give(void)
{
	assume_abort_if_not(busy == true);
	busy = false;
}

void *adder(void *arg)
{
	__VERIFIER_atomic_take();
	total = total + 3;
	__VERIFIER_atomic_give();
	return 0;
}

int main(void)
{
	pthread_t t1, t2;

	pthread_create(&t1, 0, adder, 0);
	pthread_create(&t2, 0, adder, 0);
	pthread_join(t1, 0);
	pthread_join(t2, 0);
	return total;
}
