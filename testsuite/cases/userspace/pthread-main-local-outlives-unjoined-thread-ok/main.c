// negative: main lends its own local to a thread it never joins and returns; returning from main is exit, which ends the thread with the process, so the end of main's frame races with nothing
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;

static void *tally(void *arg)
{
	long *count = arg;

	pthread_mutex_lock(&gate);
	*count += 1;
	pthread_mutex_unlock(&gate);
	return NULL;
}

int main(void)
{
	pthread_t worker;
	long count = 0;

	pthread_mutex_lock(&gate);
	count = 41;
	pthread_mutex_unlock(&gate);
	pthread_create(&worker, NULL, tally, &count);
	puts("started");
	return 0;
}
