// data-race: start() hands the address of its own parameter to a new thread and returns without joining it; the thread may read the parameter after start()'s frame has ended
#include <pthread.h>
#include <stdio.h>

static pthread_t reader_thread;

static void *reader(void *arg)
{
	printf("%d\n", *(int *)arg); // expect: data-race
	return NULL;
}

static __attribute__((noinline)) void start(int level)
{
	pthread_create(&reader_thread, NULL, reader, &level);
} // expect: data-race

int main(int argc, char **argv)
{
	start(argc);
	pthread_join(reader_thread, NULL);
	return 0;
}
