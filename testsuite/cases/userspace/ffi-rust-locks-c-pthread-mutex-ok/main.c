// negative: the Rust std::thread takes the C pthread mutex (via FFI) around its write; C main reads under the same mutex.
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
	seen = c_progress;
	pthread_mutex_unlock(&c_lock);
	rs_join_worker();
	printf("%d\n", seen);
	return 0;
}
