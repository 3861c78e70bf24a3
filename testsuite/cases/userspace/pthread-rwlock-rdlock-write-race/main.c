// data-race: the writer updates under rdlock, which does not exclude the reader.
#include <pthread.h>
#include <stdio.h>

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static int config;

static void *reader(void *arg)
{
	int seen;

	pthread_rwlock_rdlock(&lock);
	seen = config; // expect: data-race
	pthread_rwlock_unlock(&lock);
	printf("%d\n", seen);
	return NULL;
}

static void *writer(void *arg)
{
	pthread_rwlock_rdlock(&lock);
	config++; // expect: data-race
	pthread_rwlock_unlock(&lock);
	return NULL;
}

int main(void)
{
	pthread_t r, w;

	pthread_create(&r, NULL, reader, NULL);
	pthread_create(&w, NULL, writer, NULL);
	pthread_join(r, NULL);
	pthread_join(w, NULL);
	return 0;
}
