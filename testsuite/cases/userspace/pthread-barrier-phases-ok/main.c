// negative: each of two threads writes its own slot before a pthread barrier and reads the other's slot after it.
#include <pthread.h>
#include <stdio.h>

static pthread_barrier_t bar;
static int left, right;
static int left_seen, right_seen;

static void *left_worker(void *arg)
{
	left = 1;
	pthread_barrier_wait(&bar);
	left_seen = right;
	return NULL;
}

static void *right_worker(void *arg)
{
	right = 2;
	pthread_barrier_wait(&bar);
	right_seen = left;
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_barrier_init(&bar, NULL, 2);
	pthread_create(&a, NULL, left_worker, NULL);
	pthread_create(&b, NULL, right_worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%d %d\n", left_seen, right_seen);
	return 0;
}
