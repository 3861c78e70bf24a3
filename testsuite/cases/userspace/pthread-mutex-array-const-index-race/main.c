// data-race: goblint style; a global array of mutexes indexed by constants; one thread guards the counter with m[0], the other with m[1].
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t m[2] = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER };
static int guarded;
static int counter;

static void *t_fun(void *arg)
{
	pthread_mutex_lock(&m[0]);
	guarded++;
	counter++; // expect: data-race
	pthread_mutex_unlock(&m[0]);
	return NULL;
}

int main(void)
{
	pthread_t id;

	pthread_create(&id, NULL, t_fun, NULL);
	pthread_mutex_lock(&m[0]);
	guarded++;
	pthread_mutex_unlock(&m[0]);
	pthread_mutex_lock(&m[1]);
	counter++; // expect: data-race
	pthread_mutex_unlock(&m[1]);
	pthread_join(id, NULL);
	return 0;
}
