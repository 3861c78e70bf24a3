// data-race: main calls the helper before it starts the worker (ordered) and again while the worker runs; the second call races with the worker's update.
#include <pthread.h>
#include <stdio.h>

static long level;

__attribute__((noinline)) static void set_level(long v)
{
	level = v; // expect: data-race
}

static void *worker(void *arg)
{
	level += 2; // expect: data-race
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;

	if (argc > 3)
		set_level(1);
	pthread_create(&t, NULL, worker, NULL);
	set_level(argc);
	pthread_join(t, NULL);
	printf("%ld\n", level);
	return 0;
}
