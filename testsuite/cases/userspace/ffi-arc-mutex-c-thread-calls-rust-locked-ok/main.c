// negative: a C pthread updates the inner data of a Rust Arc<Mutex<Stats>> only by calling into Rust, which takes the same lock the Rust std thread takes.
#include <pthread.h>
#include <stdio.h>

struct rs_handle;

struct rs_handle *rs_start(void);		/* Rust: spawns a std thread */
void rs_stats_add(const struct rs_handle *h, long n);	/* Rust: locks, adds */
long rs_finish(struct rs_handle *h);		/* Rust: joins, reads */

static void *c_worker(void *arg)
{
	for (int i = 0; i < 1000; i++)
		rs_stats_add(arg, 10);
	return NULL;
}

int main(void)
{
	struct rs_handle *h = rs_start();
	pthread_t t;

	pthread_create(&t, NULL, c_worker, h);
	pthread_join(t, NULL);
	printf("%ld\n", rs_finish(h));
	return 0;
}
