// data-race: main holds m[4] and unlocks m[i], an element chosen at run time that may be m[4] itself: after it, m[4] is not held for sure, and main's update of `data` may run while the worker holds m[4].
#include <pthread.h>

static int data;
static pthread_mutex_t m[10];

static void *worker(void *arg)
{
	pthread_mutex_lock(&m[4]);
	data++; // expect: data-race
	pthread_mutex_unlock(&m[4]);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;
	int i = argc % 10;

	for (int k = 0; k < 10; k++)
		pthread_mutex_init(&m[k], NULL);
	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&m[4]);
	pthread_mutex_lock(&m[i == 4 ? 5 : i]);
	pthread_mutex_unlock(&m[i]);
	data++; // expect: data-race
	pthread_mutex_unlock(&m[4]);
	pthread_join(t, NULL);
	return 0;
}
