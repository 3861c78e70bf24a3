// data-race: SV-COMP style, everything in main; an unbounded nondeterministic number of threads is created and never joined; the read is atomic, the increment is not.
#include <pthread.h>
#include <assert.h>

extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_atomic_begin(void);
extern void __VERIFIER_atomic_end(void);

int counter;

void *thr(void *arg)
{
	counter++; // expect: data-race
	__VERIFIER_atomic_begin();
	assert(counter > 0); // expect: data-race
	__VERIFIER_atomic_end();
	return 0;
}

int main(void)
{
	pthread_t t;

	while (__VERIFIER_nondet_int())
		pthread_create(&t, 0, thr, 0);
	return 0;
}
