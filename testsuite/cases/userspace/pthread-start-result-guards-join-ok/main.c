// ok: open_port() starts the poller only on the way that returns 0 and main joins it exactly then; the direct start is checked too, and the failure paths touch the counters with no thread running
#include <pthread.h>
#include <stdlib.h>

static pthread_t poller;
static pthread_t logger;
static int polls;
static int lines;

static void *poll_loop(void *arg)
{
	polls++;
	return arg;
}

static void *log_loop(void *arg)
{
	lines++;
	return arg;
}

static int open_port(int fd)
{
	if (fd < 0)
		return -22;
	pthread_create(&poller, NULL, poll_loop, NULL);
	return 0;
}

int main(int argc, char **argv)
{
	int err = open_port(argc - 2);

	if (err == 0)
		pthread_join(poller, NULL);
	polls = -1;

	int rc = pthread_create(&logger, NULL, log_loop, NULL);
	if (rc != 0) {
		lines = -1;
		return 1;
	}
	pthread_join(logger, NULL);
	lines = 0;
	return polls + lines;
}
