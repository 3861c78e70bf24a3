// data-race: a Rust extern "C" fn called from a C pthread and a Rust std thread both write a Rust static mut, no lock (both accesses are Rust code, so a same-language race though the threads enter in C and in Rust).
#include <pthread.h>
#include <stdio.h>

void rs_tick(void);			/* Rust */
void rs_start_background(void);	/* Rust: spawns a std thread */
void rs_join_background(void);

static void *c_ticker(void *arg)
{
	for (int i = 0; i < 1000; i++)
		rs_tick();
	return NULL;
}

int main(void)
{
	pthread_t t;

	rs_start_background();
	pthread_create(&t, NULL, c_ticker, NULL);
	pthread_join(t, NULL);
	rs_join_background();
	puts("done");
	return 0;
}
