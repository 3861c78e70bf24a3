// negative: a C pthread calls into Rust with a pthread mutex held; C main reads under the same mutex.
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
		pthread_mutex_lock(&g_lock);
		rs_record_hit(arg);
		pthread_mutex_unlock(&g_lock);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;
	long seen;

	pthread_create(&t, NULL, worker, &g_shared);
	pthread_mutex_lock(&g_lock);
	seen = g_shared.hits;
	pthread_mutex_unlock(&g_lock);
	pthread_join(t, NULL);
	printf("%ld\n", seen);
	return 0;
}
