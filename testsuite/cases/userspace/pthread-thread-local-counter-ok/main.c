// negative: each thread counts in a __thread variable of its own and adds it to the shared total under the mutex at the end.
#include <pthread.h>
#include <stdio.h>

static __thread long local_hits;
static long total;
static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;

static void hit(void)
{
	local_hits++;
}

static void *worker(void *arg)
{
	for (int i = 0; i < 100; i++)
		hit();
	pthread_mutex_lock(&total_lock);
	total += local_hits;
	pthread_mutex_unlock(&total_lock);
	return NULL;
}

int main(void)
{
	pthread_t t[3];

	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	hit();
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	printf("%ld %ld\n", total, local_hits);
	return 0;
}
