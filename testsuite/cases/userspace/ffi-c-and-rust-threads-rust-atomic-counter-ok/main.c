// negative: C pthreads and a Rust std thread count through a Rust extern "C" function backed by an AtomicU64; C reads the total through Rust after joining.
#include <pthread.h>
#include <stdio.h>

void rs_count(unsigned long n);
unsigned long rs_total(void);
void rs_start_counter(void);
void rs_stop_counter(void);

static void *c_worker(void *arg)
{
	for (int i = 0; i < 100; i++)
		rs_count(1);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	rs_start_counter();
	pthread_create(&a, NULL, c_worker, NULL);
	pthread_create(&b, NULL, c_worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	rs_stop_counter();
	printf("%lu\n", rs_total());
	return 0;
}
