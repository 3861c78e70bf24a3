// data-race: shutdown() joins the first sampler and then clears the reading, but the second sampler, joined only after that, may still be updating it
#include <pthread.h>

static pthread_t first, second;
static long reading;

static void *sample(void *arg)
{
	reading = reading + 7; // expect: data-race #reading
	return arg;
}

static void start(void)
{
	pthread_create(&first, NULL, sample, NULL);
	pthread_create(&second, NULL, sample, NULL);
}

static void shutdown(void)
{
	pthread_join(first, NULL);
	reading = 0; // expect: data-race #reading
	pthread_join(second, NULL);
}

int main(void)
{
	start();
	shutdown();
	return (int)reading;
}
