// data-race: open_port() can fail after it started the poller (a random refusal), and main skips the join whenever it returns non-zero
#include <pthread.h>
#include <stdlib.h>

static pthread_t poller;
static int polls;

static void *poll_loop(void *arg)
{
	polls++; // expect: data-race #polls
	return arg;
}

static int open_port(int fd)
{
	if (fd < 0)
		return -22;
	pthread_create(&poller, NULL, poll_loop, NULL);
	if (rand() % 4 == 0)
		return -12;
	return 0;
}

int main(int argc, char **argv)
{
	int err = open_port(argc - 2);

	if (err == 0)
		pthread_join(poller, NULL);
	polls = -1; // expect: data-race #polls
	return err;
}
