// positive: SV-COMP style; a lock built from two __VERIFIER_atomic_* functions on a _Bool word (loaded as i8, truncated and widened before the test against 0 at -O0), which one thread skips: its update of the shared total races with the locked one.
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
	total = total + 3; // expect: data-race
	__VERIFIER_atomic_give();
	return 0;
}

void *skipper(void *arg)
{
	total = total + 1; // expect: data-race
	return 0;
}

int main(void)
{
	pthread_t t1, t2;

	pthread_create(&t1, 0, adder, 0);
	pthread_create(&t2, 0, skipper, 0);
	pthread_join(t1, 0);
	pthread_join(t2, 0);
	return total;
}
