// data-race: SV-COMP style; both threads bracket their update of x with __VERIFIER_atomic_begin/_end, but one of them also writes y after leaving the atomic section while the other reads it inside.
#include <pthread.h>

extern void __VERIFIER_atomic_begin(void);
extern void __VERIFIER_atomic_end(void);

int x, y;

static void *t1(void *arg)
{
	__VERIFIER_atomic_begin();
	x = x + 1;
	__VERIFIER_atomic_end();
	y = 1; // expect: data-race
	return NULL;
}

static void *t2(void *arg)
{
	__VERIFIER_atomic_begin();
	x = x + 2;
	int r = y; // expect: data-race
	__VERIFIER_atomic_end();
	return (void *)(long)r;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, t1, NULL);
	pthread_create(&b, NULL, t2, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
