// data-race: the load-buffering litmus test with plain variables; each thread reads one variable the other writes.
#include <pthread.h>
#include <stdio.h>

static int x, y;
static int r0, r1;

static void *t0(void *arg)
{
	r0 = x; // expect: data-race #x
	y = 1; // expect: data-race #y
	return NULL;
}

static void *t1(void *arg)
{
	r1 = y; // expect: data-race #y
	x = 1; // expect: data-race #x
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, t0, NULL);
	pthread_create(&b, NULL, t1, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%d %d\n", r0, r1);
	return 0;
}
