// data-race: a C11 thread is detached with thrd_detach and writes a global that main reads after thrd_sleep; no join orders them.
#include <stdio.h>
#include <threads.h>
#include <time.h>

static long last_tick;

static int ticker(void *arg)
{
	last_tick = 42; // expect: data-race
	return 0;
}

int main(void)
{
	thrd_t t;
	struct timespec pause = { .tv_sec = 1 };

	thrd_create(&t, ticker, NULL);
	thrd_detach(t);
	thrd_sleep(&pause, NULL);
	printf("%ld\n", last_tick); // expect: data-race
	return 0;
}
