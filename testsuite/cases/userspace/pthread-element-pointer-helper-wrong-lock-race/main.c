// data-race: the worker updates every slot under that slot's mutex through a helper given the slot's address (taken by a run-time index); main updates slot 2 under slot 1's mutex.
#include <pthread.h>
#include <stdio.h>

struct slot {
	pthread_mutex_t mu;
	long hits;
};

#define SLOT_INIT { PTHREAD_MUTEX_INITIALIZER, 0 }
static struct slot table[4] = { SLOT_INIT, SLOT_INIT, SLOT_INIT, SLOT_INIT };

static void bump(struct slot *s)
{
	pthread_mutex_lock(&s->mu);
	s->hits++; // expect: data-race
	pthread_mutex_unlock(&s->mu);
}

static void *worker(void *arg)
{
	for (int i = 0; i < 4; i++) {
		struct slot *s = &table[i];

		bump(s);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&table[1].mu);
	table[2].hits += 10; // expect: data-race
	pthread_mutex_unlock(&table[1].mu);
	pthread_join(t, NULL);
	printf("%ld\n", table[2].hits);
	return 0;
}
