// data-race: the join loop leaves out the helper in slot 2 (it is meant to keep running), so that helper's update of the shared total may overlap main's read after the loop.
#include <pthread.h>
#include <stdio.h>

#define HELPERS 6

static int total;
static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;

static void *helper(void *arg)
{
	pthread_mutex_lock(&total_lock);
	total++; // expect: data-race
	pthread_mutex_unlock(&total_lock);
	return NULL;
}

int main(void)
{
	pthread_t pool[HELPERS];

	for (int h = 0; h < HELPERS; h++)
		pthread_create(&pool[h], NULL, helper, NULL);
	for (int h = 0; h < HELPERS; h++) {
		if (h == 2)
			continue;
		pthread_join(pool[h], NULL);
	}
	printf("%d\n", total); // expect: data-race
	return 0;
}
