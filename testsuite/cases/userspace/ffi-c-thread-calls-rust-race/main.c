// ffi-data-race: a C pthread calls into Rust, which increments a C struct field; C main reads it concurrently, no lock.
#include <pthread.h>
#include <stdio.h>

struct shared {
	long hits;
};

struct shared g_shared;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
void rs_record_hit(struct shared *s);	/* Rust */

static void *worker(void *arg)
{
	for (int i = 0; i < 1000; i++) {
		rs_record_hit(arg);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;
	long seen;

	pthread_create(&t, NULL, worker, &g_shared);
	seen = g_shared.hits; // expect: ffi-data-race
	pthread_join(t, NULL);
	printf("%ld\n", seen);
	return 0;
}
