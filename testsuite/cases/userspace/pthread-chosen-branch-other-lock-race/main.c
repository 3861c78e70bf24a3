// data-race: the auditor updates the north branch's cash under the south branch's mutex; when main picks the north branch it updates that cash under the north mutex, so the two updates hold different locks.
#include <pthread.h>
#include <stdio.h>

struct branch {
	long cash;
	pthread_mutex_t lock;
};

static struct branch north = { 0, PTHREAD_MUTEX_INITIALIZER };
static struct branch south = { 0, PTHREAD_MUTEX_INITIALIZER };

static void *auditor(void *arg)
{
	pthread_mutex_lock(&south.lock);
	north.cash -= 1; // expect: data-race
	pthread_mutex_unlock(&south.lock);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;
	struct branch *b = argc > 1 ? &north : &south;

	pthread_create(&t, NULL, auditor, NULL);
	pthread_mutex_lock(&b->lock);
	b->cash += 100; // expect: data-race
	pthread_mutex_unlock(&b->lock);
	pthread_join(t, NULL);
	printf("%ld %ld\n", north.cash, south.cash);
	return 0;
}
