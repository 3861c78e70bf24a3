// ffi-lock-mismatch: the Rust thread guards a C global with a std::sync::Mutex, C main with a pthread mutex; both lock, no lock in common.
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
	pthread_mutex_lock(&c_lock);
	c_progress = 0; // expect: ffi-lock-mismatch
	seen = 0;
	pthread_mutex_unlock(&c_lock);
	rs_join_worker();
	printf("%d\n", seen);
	return 0;
}
