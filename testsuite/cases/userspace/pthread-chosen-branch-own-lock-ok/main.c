// negative: main picks one of two branches at run time and updates its cash under that branch's own mutex; the auditor updates the north branch under the north mutex, so whichever branch main picked, the two updates exclude each other or touch different branches.
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
	pthread_mutex_lock(&north.lock);
	north.cash -= 1;
	pthread_mutex_unlock(&north.lock);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;
	struct branch *b = argc > 1 ? &north : &south;

	pthread_create(&t, NULL, auditor, NULL);
	pthread_mutex_lock(&b->lock);
	b->cash += 100;
	pthread_mutex_unlock(&b->lock);
	pthread_join(t, NULL);
	printf("%ld %ld\n", north.cash, south.cash);
	return 0;
}
