// data-race: the worker takes the lock and calls down a chain of 12 mutually recursive functions; the deepest one releases the caller's lock, so the increment after the call runs unlocked in both threads (the release must climb the whole chain, one recursive SCC, before the worker's summary shows it).
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int shared;

static void step1(int n);
__attribute__((noinline)) static void step12(int n)
{
	if (n > 0) {
		step1(n - 1);	/* closes the cycle */
		return;
	}
	pthread_mutex_unlock(&m);
}

__attribute__((noinline)) static void step11(int n)
{
	step12(n);
}

__attribute__((noinline)) static void step10(int n)
{
	step11(n);
}

__attribute__((noinline)) static void step9(int n)
{
	step10(n);
}

__attribute__((noinline)) static void step8(int n)
{
	step9(n);
}

__attribute__((noinline)) static void step7(int n)
{
	step8(n);
}

__attribute__((noinline)) static void step6(int n)
{
	step7(n);
}

__attribute__((noinline)) static void step5(int n)
{
	step6(n);
}

__attribute__((noinline)) static void step4(int n)
{
	step5(n);
}

__attribute__((noinline)) static void step3(int n)
{
	step4(n);
}

__attribute__((noinline)) static void step2(int n)
{
	step3(n);
}

__attribute__((noinline)) static void step1(int n)
{
	step2(n);
}

static void *worker(void *arg)
{
	pthread_mutex_lock(&m);
	step1((int)(long)arg);
	shared++;	// expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, (void *)0L);
	pthread_create(&b, NULL, worker, (void *)1L);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return shared;
}
