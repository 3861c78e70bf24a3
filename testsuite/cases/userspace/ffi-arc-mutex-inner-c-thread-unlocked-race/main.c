// ffi-data-race: a C pthread writes the inner data of a Rust Arc<Mutex<Stats>> through a leaked pointer without the Rust lock, while a Rust std thread updates it under the lock.
#include <pthread.h>
#include <stdio.h>

struct stats {
	long count;
};
struct rs_handle;

struct rs_handle *rs_start(void);		/* Rust: spawns a std thread */
struct stats *rs_stats_ptr(struct rs_handle *h);
long rs_finish(struct rs_handle *h);		/* Rust: joins, reads */

static void *c_worker(void *arg)
{
	struct stats *s = arg;

	for (int i = 0; i < 1000; i++)
		s->count += 10; // expect: ffi-data-race
	return NULL;
}

int main(void)
{
	struct rs_handle *h = rs_start();
	pthread_t t;

	pthread_create(&t, NULL, c_worker, rs_stats_ptr(h));
	pthread_join(t, NULL);
	printf("%ld\n", rs_finish(h));
	return 0;
}
