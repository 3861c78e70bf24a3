// negative: the join loop waits for every helper and only then looks at what each one returned, so main's read of the total after the loop comes after all of them.
#include <pthread.h>
#include <stdio.h>

#define HELPERS 6

static int total;
static int failures;
static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;

static void *helper(void *arg)
{
	pthread_mutex_lock(&total_lock);
	total++;
	pthread_mutex_unlock(&total_lock);
	return arg;
}

int main(void)
{
	pthread_t pool[HELPERS];

	for (int h = 0; h < HELPERS; h++)
		pthread_create(&pool[h], NULL, helper, (void *)(long)(h & 1));
	for (int h = 0; h < HELPERS; h++) {
		void *res;

		pthread_join(pool[h], &res);
		if (res)
			failures++;
	}
	printf("%d %d\n", total, failures);
	return 0;
}
