// data-race: pthread_once orders the table's initialisation before every worker, but the workers then update one entry without a lock and race with each other.
#include <pthread.h>
#include <stdio.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int table[4];

static void init_table(void)
{
	for (int i = 0; i < 4; i++)
		table[i] = i;
}

static void *worker(void *arg)
{
	pthread_once(&once, init_table);
	table[2] += 1; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%d\n", table[2]);
	return 0;
}
