// ffi-data-race: C main starts a Rust std::thread that writes a C global; main reads it before joining, no lock.
#include <pthread.h>
#include <stdio.h>

int c_progress;
pthread_mutex_t c_lock = PTHREAD_MUTEX_INITIALIZER;
void rs_start_worker(void);	/* Rust: spawns a std thread */
void rs_join_worker(void);

int main(void)
{
	int seen;

	rs_start_worker();
	seen = c_progress; // expect: ffi-data-race
	rs_join_worker();
	printf("%d\n", seen);
	return 0;
}
