// data-race: scanf stores the number it reads through its variadic pointer argument (glibc calls it as __isoc99_scanf): main's read into `limit` writes it while the worker updates it under a lock main does not take.
#include <pthread.h>
#include <stdio.h>

static int limit;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	pthread_mutex_lock(&m);
	limit++; // expect: data-race
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t;
	char name[16];

	pthread_create(&t, NULL, worker, NULL);
	if (scanf("%15s %d", name, &limit) != 2) // expect: data-race
		return 1;
	pthread_join(t, NULL);
	printf("%s %d\n", name, limit);
	return 0;
}
