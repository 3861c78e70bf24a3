// negative: two C pthreads call Rust functions whose state is private to Rust and behind a std::sync::Mutex.
#include <pthread.h>
#include <stdio.h>

void rs_add(long v);	/* Rust */
long rs_total(void);	/* Rust */

static void *adder(void *arg)
{
	for (long i = 0; i < 100; i++)
		rs_add(i);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, adder, NULL);
	pthread_create(&b, NULL, adder, NULL);
	printf("%ld\n", rs_total());
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
