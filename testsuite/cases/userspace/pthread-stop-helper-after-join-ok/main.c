// ok: shutdown() joins the sampler and only then clears the reading itself; main calls start() and shutdown() and reads it last
#include <pthread.h>

static pthread_t sampler;
static long reading;

static void *sample(void *arg)
{
	reading = reading + 7;
	return arg;
}

static void start(void)
{
	pthread_create(&sampler, NULL, sample, NULL);
}

static void shutdown(void)
{
	pthread_join(sampler, NULL);
	reading = 0;
}

int main(void)
{
	start();
	shutdown();
	return (int)reading;
}
