// data-race: SV-COMP style; one thread updates the counter inside a __VERIFIER_atomic_* function, the other outside any atomic section.
#include <pthread.h>

static int counter;

void __VERIFIER_atomic_inc(void)
{
	counter = counter + 1; // expect: data-race
}

static void *atomic_worker(void *arg)
{
	__VERIFIER_atomic_inc();
	return NULL;
}

static void *plain_worker(void *arg)
{
	counter = counter - 1; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t1, t2;

	pthread_create(&t1, NULL, atomic_worker, NULL);
	pthread_create(&t2, NULL, plain_worker, NULL);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	return 0;
}
