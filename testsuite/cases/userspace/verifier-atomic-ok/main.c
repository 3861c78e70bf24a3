// negative: SV-COMP style; the shared counter is only touched inside __VERIFIER_atomic_* functions, whose bodies run atomically.
#include <pthread.h>
#include <assert.h>

static int counter;

void __VERIFIER_atomic_inc(void)
{
	counter = counter + 1;
}

int __VERIFIER_atomic_get(void)
{
	return counter;
}

static void *worker(void *arg)
{
	__VERIFIER_atomic_inc();
	return NULL;
}

int main(void)
{
	pthread_t t1, t2;

	pthread_create(&t1, NULL, worker, NULL);
	pthread_create(&t2, NULL, worker, NULL);
	assert(__VERIFIER_atomic_get() <= 2);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	return 0;
}
