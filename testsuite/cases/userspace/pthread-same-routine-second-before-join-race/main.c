// data-race: main runs the scaler on two samples of their own but starts the second run before it joins the first, so both runs add to the shared tally at once
#include <pthread.h>
#include <stdio.h>

static long tally;

static void *scaler(void *arg)
{
	long *sample = arg;

	*sample = *sample * 2;
	tally += *sample; // expect: data-race
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t1, t2;
	long low = argc, high = argc + 100;

	pthread_create(&t1, NULL, scaler, &low);
	pthread_create(&t2, NULL, scaler, &high);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	printf("%ld %ld %ld\n", low, high, tally);
	return 0;
}
