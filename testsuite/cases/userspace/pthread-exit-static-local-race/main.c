// data-race: a static local in a helper is updated by threads created in a loop with NULL attributes that end with pthread_exit.
#include <pthread.h>
#include <stdio.h>

static int next_ticket(void)
{
	static int tickets;

	return tickets++; // expect: data-race
}

static void *worker(void *arg)
{
	int t = next_ticket();

	printf("%d\n", t);
	pthread_exit(NULL);
}

int main(void)
{
	pthread_t t[4];

	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	return 0;
}
