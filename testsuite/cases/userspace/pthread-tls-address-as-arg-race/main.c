// data-race: main hands the address of its own __thread variable to a thread as its argument; the thread writes through it while main updates its copy.
#include <pthread.h>
#include <stdio.h>

static __thread int mine;

static void *poke(void *arg)
{
	*(int *)arg = 43; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t;

	mine = 1;
	pthread_create(&t, NULL, poke, &mine);
	mine = 42; // expect: data-race
	pthread_join(t, NULL);
	printf("%d\n", mine);
	return 0;
}
