// negative: workers retry pthread_spin_trylock until it succeeds (returns 0), then update the shared histogram and release the spinlock.
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

static pthread_spinlock_t sl;
static long hist[4];

static void *worker(void *arg)
{
	long id = (long)arg;

	for (int i = 0; i < 100; i++) {
		while (pthread_spin_trylock(&sl) != 0)
			sched_yield();
		hist[(id + i) & 3]++;
		pthread_spin_unlock(&sl);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[3];

	pthread_spin_init(&sl, PTHREAD_PROCESS_PRIVATE);
	for (long i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	printf("%ld %ld %ld %ld\n", hist[0], hist[1], hist[2], hist[3]);
	pthread_spin_destroy(&sl);
	return 0;
}
