// data-race: a thread starts and joins a helper thread of its own; main set the shared struct up before starting the first thread, but reads the helper's field while the first thread may still run.
#include <pthread.h>
#include <stdlib.h>

struct state {
	int count;
	int flag;
};

static struct state *st;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *helper(void *arg)
{
	st->flag = 2; // expect: data-race
	return NULL;
}

static void *parent(void *arg)
{
	pthread_t t;

	pthread_mutex_lock(&m);
	st->count++;
	pthread_mutex_unlock(&m);
	pthread_create(&t, NULL, helper, NULL);
	pthread_join(t, NULL);
	return NULL;
}

int main(void)
{
	pthread_t t;
	int r;

	st = malloc(sizeof(*st));
	st->count = 0;
	st->flag = 0;
	pthread_create(&t, NULL, parent, NULL);
	pthread_mutex_lock(&m);
	st->count++;
	pthread_mutex_unlock(&m);
	r = st->flag; // expect: data-race
	pthread_join(t, NULL);
	return r;
}
