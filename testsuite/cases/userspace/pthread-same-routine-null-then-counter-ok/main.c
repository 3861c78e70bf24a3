// negative: the reporter started first is given no counter and touches nothing; main sets the counter before it starts the second reporter, the only one given its address.
#include <pthread.h>
#include <stdio.h>

static long events;

static void *reporter(void *arg)
{
	long *count = arg;

	if (count != NULL)
		*count += 1;
	return NULL;
}

int main(void)
{
	pthread_t idle, busy;

	pthread_create(&idle, NULL, reporter, NULL);
	events = 10;
	pthread_create(&busy, NULL, reporter, &events);
	pthread_join(idle, NULL);
	pthread_join(busy, NULL);
	printf("%ld\n", events);
	return 0;
}
