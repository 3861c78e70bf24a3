// negative: a C pthread and a Rust std thread share a struct carrying a pthread mutex, and both sides update its counter only while holding that mutex (Rust calls pthread_mutex_lock through FFI).
#include <pthread.h>
#include <stdio.h>

struct shared {
	pthread_mutex_t lock;
	long count;
};

void rs_spawn_worker(struct shared *s);	/* Rust: starts a std thread on s */
void rs_join_worker(void);

static struct shared state = { .lock = PTHREAD_MUTEX_INITIALIZER };

static void *c_worker(void *arg)
{
	struct shared *s = arg;

	for (int i = 0; i < 100; i++) {
		pthread_mutex_lock(&s->lock);
		s->count++;
		pthread_mutex_unlock(&s->lock);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, c_worker, &state);
	rs_spawn_worker(&state);
	pthread_join(t, NULL);
	rs_join_worker();
	printf("%ld\n", state.count);
	return 0;
}
