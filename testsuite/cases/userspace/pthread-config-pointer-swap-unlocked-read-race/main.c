// data-race: an updater replaces the global config pointer under a mutex; a reader loads the pointer without the mutex.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct config {
	int level;
};

static struct config *current;
static pthread_mutex_t cfg_lock = PTHREAD_MUTEX_INITIALIZER;

static void *updater(void *arg)
{
	struct config *next = malloc(sizeof(*next));

	next->level = 2;
	pthread_mutex_lock(&cfg_lock);
	current = next; // expect: data-race
	pthread_mutex_unlock(&cfg_lock);
	return NULL;
}

static void *reader(void *arg)
{
	struct config *c = current; // expect: data-race

	return (void *)(long)(c ? 1 : 0);
}

int main(void)
{
	pthread_t u, r;

	current = NULL;
	pthread_create(&u, NULL, updater, NULL);
	pthread_create(&r, NULL, reader, NULL);
	pthread_join(u, NULL);
	pthread_join(r, NULL);
	printf("%d\n", current->level);
	free(current);
	return 0;
}
