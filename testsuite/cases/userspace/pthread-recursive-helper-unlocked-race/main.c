// data-race: a recursive helper sums into a global; one thread calls it under the mutex, the other without.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static long sum;

static void add_down(int n)
{
	if (n <= 0)
		return;
	sum += n; // expect: data-race
	add_down(n - 1);
}

static void *careful(void *arg)
{
	pthread_mutex_lock(&m);
	add_down(10);
	pthread_mutex_unlock(&m);
	return NULL;
}

static void *careless(void *arg)
{
	add_down(5);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, careful, NULL);
	pthread_create(&b, NULL, careless, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%ld\n", sum);
	return 0;
}
