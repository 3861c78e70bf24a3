// ok: measure() hands a local to a worker and joins it before returning; main calls it twice and then in a loop, so the workers never overlap and main reads the total after all of them
#include <pthread.h>
#include <stdio.h>

static long total;

static void *worker(void *arg)
{
	long *cell = arg;

	*cell = *cell * 3;
	total += *cell;
	return NULL;
}

static long measure(long v)
{
	pthread_t t;
	long cell = v;

	pthread_create(&t, NULL, worker, &cell);
	pthread_join(t, NULL);
	return cell;
}

int main(int argc, char **argv)
{
	long sum = measure(argc) + measure(argc + 1);

	for (int i = 0; i < 3; i++)
		sum += measure(i);
	printf("%ld %ld\n", sum, total);
	return 0;
}
