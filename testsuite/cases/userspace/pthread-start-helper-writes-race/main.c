// data-race: a helper sets the worker's input, starts it and updates the input while it runs (a race; the first write is before the start); main reads the worker's output before joining it (a race) and after (ordered).
#include <pthread.h>
#include <stdio.h>

static long input;
static long output;
static pthread_t t;

static void *worker(void *arg)
{
	output = input * 2; // expect: data-race #in, data-race #out
	return NULL;
}

static void start_worker(long v)
{
	input = v;
	pthread_create(&t, NULL, worker, NULL);
	input = v + 1; // expect: data-race #in
}

int main(int argc, char **argv)
{
	long early, late;

	start_worker(argc);
	early = output; // expect: data-race #out
	pthread_join(t, NULL);
	late = output;
	printf("%ld %ld %ld\n", early, late, input);
	return 0;
}
