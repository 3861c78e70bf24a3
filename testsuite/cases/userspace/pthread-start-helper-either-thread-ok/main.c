// ok: start_one() starts the reader from one of two places, never both, so its one call in main leaves one thread bumping the counter, joined before main reads it
#include <pthread.h>

static pthread_t t;
static long hits;

static void *reader(void *arg)
{
	hits++;
	return arg;
}

static void start_one(long mode)
{
	if (mode > 1)
		pthread_create(&t, NULL, reader, (void *)mode);
	else
		pthread_create(&t, NULL, reader, NULL);
}

int main(int argc, char **argv)
{
	(void)argv;
	start_one(argc);
	pthread_join(t, NULL);
	return (int)hits;
}
