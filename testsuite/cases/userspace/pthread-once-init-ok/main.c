// negative: pthread_once runs init_table exactly once, and its completion happens before every pthread_once return, so the threads' reads do not race with its writes.
#include <pthread.h>
#include <stdio.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int table[4];
static int table_size;

static void init_table(void)
{
	for (int i = 0; i < 4; i++)
		table[i] = i * i;
	table_size = 4;
}

static void *worker(void *arg)
{
	long sum = 0;

	pthread_once(&once, init_table);
	for (int i = 0; i < table_size; i++)
		sum += table[i];
	return (void *)sum;
}

int main(void)
{
	pthread_t a, b;
	void *ra, *rb;

	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, &ra);
	pthread_join(b, &rb);
	printf("%ld %ld\n", (long)ra, (long)rb);
	return 0;
}
