// negative: a recursive mutex is taken again by a helper its holder calls; every update of the log happens with it held.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t lock;
static int entries;

static void append(void)
{
	pthread_mutex_lock(&lock);
	entries++;
	pthread_mutex_unlock(&lock);
}

static void *writer(void *arg)
{
	for (int i = 0; i < 10; i++) {
		pthread_mutex_lock(&lock);
		append();
		entries += 2;
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

int main(void)
{
	pthread_mutexattr_t attr;
	pthread_t a, b;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&lock, &attr);
	pthread_create(&a, NULL, writer, NULL);
	pthread_create(&b, NULL, writer, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%d\n", entries);
	return 0;
}
