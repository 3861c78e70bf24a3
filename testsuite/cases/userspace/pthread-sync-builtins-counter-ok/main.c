// negative: workers count with the legacy __sync_fetch_and_add builtin and read the counter with __atomic_load_n; main reads it plainly only after joining all of them.
#include <pthread.h>
#include <stdio.h>

#define NWORKERS 4

static unsigned long events;
static unsigned long peak;

static void *worker(void *arg)
{
	for (int i = 0; i < 1000; i++) {
		__sync_fetch_and_add(&events, 1);
		unsigned long now = __atomic_load_n(&events, __ATOMIC_ACQUIRE);
		unsigned long old = __atomic_load_n(&peak, __ATOMIC_RELAXED);
		while (now > old && !__sync_bool_compare_and_swap(&peak, old, now))
			old = __atomic_load_n(&peak, __ATOMIC_RELAXED);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[NWORKERS];

	for (int i = 0; i < NWORKERS; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < NWORKERS; i++)
		pthread_join(t[i], NULL);
	printf("%lu %lu\n", events, peak);
	return 0;
}
