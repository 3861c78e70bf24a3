// ok: main runs the scaler twice, each time on a sample of its own, and joins the first before it starts the second: the two runs never overlap on the shared tally
#include <pthread.h>
#include <stdio.h>

static long tally;

static void *scaler(void *arg)
{
	long *sample = arg;

	*sample = *sample * 2;
	tally += *sample;
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;
	long low = argc, high = argc + 100;

	pthread_create(&t, NULL, scaler, &low);
	pthread_join(t, NULL);
	pthread_create(&t, NULL, scaler, &high);
	pthread_join(t, NULL);
	printf("%ld %ld %ld\n", low, high, tally);
	return 0;
}
