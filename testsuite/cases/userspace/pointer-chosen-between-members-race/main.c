// data-race: `p` holds `&data.x` or `&data.y` (a run-time choice), so unification collapses `data` to one field-insensitive object; `*p` still names one of data's own members, and the one it may be, `data.x`, the thread writes without the lock main holds.
#include <pthread.h>
#include <stdlib.h>

static struct {
	int x;
	int y;
	int z;
} data;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	data.x++; // expect: data-race
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;
	int *p;

	if (argc > 1)
		p = &data.x;
	else
		p = &data.y;
	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&m);
	(*p)++; // expect: data-race
	pthread_mutex_unlock(&m);
	pthread_join(t, NULL);
	return 0;
}
