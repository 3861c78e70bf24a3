// data-race: each reporter is given a counter of its own; main writes the first counter after starting the reporter that bumps it, and the second only before starting its reporter.
#include <pthread.h>
#include <stdio.h>

static long first_count, second_count;

static void *reporter(void *arg)
{
	long *count = arg;

	*count += 1; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, reporter, &first_count);
	first_count = 10; // expect: data-race
	second_count = 20;
	pthread_create(&b, NULL, reporter, &second_count);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%ld %ld\n", first_count, second_count);
	return 0;
}
