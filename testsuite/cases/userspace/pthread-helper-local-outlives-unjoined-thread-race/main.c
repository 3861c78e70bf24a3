// data-race: a helper lends its own local to a thread it never joins and returns; main goes on, so the thread may write the local after the helper's frame ended
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;

static void *tally(void *arg)
{
	long *count = arg;

	pthread_mutex_lock(&gate);
	*count += 1; // expect: data-race
	pthread_mutex_unlock(&gate);
	return NULL;
}

static __attribute__((noinline)) void launch(void)
{
	pthread_t worker;
	long count = 0;

	pthread_mutex_lock(&gate);
	count = 41;
	pthread_mutex_unlock(&gate);
	pthread_create(&worker, NULL, tally, &count);
	puts("started");
} // expect: data-race

int main(void)
{
	launch();
	sleep(1);
	return 0;
}
