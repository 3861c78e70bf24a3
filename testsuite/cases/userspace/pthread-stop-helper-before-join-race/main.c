// data-race: shutdown() clears the reading before it joins the sampler, which may still be updating it
#include <pthread.h>

static pthread_t sampler;
static long reading;

static void *sample(void *arg)
{
	reading = reading + 7; // expect: data-race #reading
	return arg;
}

static void start(void)
{
	pthread_create(&sampler, NULL, sample, NULL);
}

static void shutdown(int hard)
{
	if (hard)
		reading = 0; // expect: data-race #reading
	pthread_join(sampler, NULL);
}

int main(int argc, char **argv)
{
	(void)argv;
	start();
	shutdown(argc);
	return (int)reading;
}
