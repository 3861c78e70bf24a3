// negative: a SIGINT handler sets a volatile sig_atomic_t flag the main loop polls; C makes such accesses safe between a handler and the code it interrupts.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void on_int(int sig)
{
	stop = 1;
}

int main(void)
{
	long n = 0;

	signal(SIGINT, on_int);
	while (!stop)
		n++;
	printf("%ld\n", n);
	return 0;
}
