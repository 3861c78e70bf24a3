// ok: scale() hands the address of its own parameter to a thread and joins it before returning, so the parameter's storage outlives the thread's use of it
#include <pthread.h>
#include <stdio.h>

static void *doubler(void *arg)
{
	*(int *)arg *= 2;
	return NULL;
}

static __attribute__((noinline)) int scale(int level)
{
	pthread_t t;

	pthread_create(&t, NULL, doubler, &level);
	pthread_join(t, NULL);
	return level;
}

int main(int argc, char **argv)
{
	printf("%d\n", scale(argc));
	return 0;
}
