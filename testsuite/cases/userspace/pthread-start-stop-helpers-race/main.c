// data-race: helper functions create the workers in a loop and join them in a loop; the workers add without a lock, racing with each other and with main's read between start_workers() and stop_workers().
#include <pthread.h>
#include <stdio.h>

#define N 4
static long total;
static pthread_t t[N];

static void *worker(void *arg)
{
	total++; // expect: data-race
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
	long early;

	total = 0;
	start_workers(n);
	early = total; // expect: data-race
	stop_workers(n);
	printf("%ld %ld\n", early, total);
	return 0;
}
