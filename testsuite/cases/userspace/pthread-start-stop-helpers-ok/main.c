// negative: helper functions create the workers in a loop and join them in a loop; workers add under a mutex; main writes the total before start_workers() and reads it after stop_workers().
#include <pthread.h>
#include <stdio.h>

#define N 4
static long total;
static pthread_t t[N];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	pthread_mutex_lock(&lock);
	total++;
	pthread_mutex_unlock(&lock);
	return NULL;
}

static void start_workers(int n)
{
	for (int i = 0; i < n; i++)
		pthread_create(&t[i], NULL, worker, NULL);
}

static void stop_workers(int n)
{
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
}

int main(int argc, char **argv)
{
	int n = argc < N ? argc : N;

	total = 0;
	start_workers(n);
	stop_workers(n);
	printf("%ld\n", total);
	return 0;
}
