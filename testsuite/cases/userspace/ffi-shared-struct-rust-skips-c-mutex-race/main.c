// ffi-data-race: a C pthread and a Rust std thread share a struct carrying a pthread mutex; the C side takes the mutex around its update, the Rust side writes the other counter field plainly and reads the C one without it.
#include <pthread.h>
#include <stdio.h>

struct shared {
	pthread_mutex_t lock;
	long c_count;
	long rust_count;
};

void rs_spawn_worker(struct shared *s);	/* Rust: starts a std thread on s */
void rs_join_worker(void);

static struct shared state = { .lock = PTHREAD_MUTEX_INITIALIZER };

static void *c_worker(void *arg)
{
	struct shared *s = arg;

	for (int i = 0; i < 100; i++) {
		pthread_mutex_lock(&s->lock);
		s->c_count++; // expect: ffi-data-race
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
	printf("%ld %ld\n", state.c_count, state.rust_count);
	return 0;
}
