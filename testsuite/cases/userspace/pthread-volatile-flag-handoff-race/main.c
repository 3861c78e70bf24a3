// data-race: a producer hands data over through a volatile flag; volatile is not atomic in C11, so the flag itself races and orders nothing for the data.
#include <pthread.h>
#include <stdio.h>

static volatile int ready;
static int payload;

static void *producer(void *arg)
{
	payload = 42; // expect: data-race #data
	ready = 1; // expect: data-race #flag
	return NULL;
}

static void *consumer(void *arg)
{
	while (!ready) // expect: data-race #flag
		;
	printf("%d\n", payload); // expect: data-race #data
	return NULL;
}

int main(void)
{
	pthread_t p, c;

	pthread_create(&c, NULL, consumer, NULL);
	pthread_create(&p, NULL, producer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	return 0;
}
