// negative: the mutex lives in a struct passed to both threads as their argument, and guards the struct's counter.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct shared {
	pthread_mutex_t lock;
	long count;
};

static void *worker(void *arg)
{
	struct shared *s = arg;

	for (int i = 0; i < 100; i++) {
		pthread_mutex_lock(&s->lock);
		s->count++;
		pthread_mutex_unlock(&s->lock);
	}
	pthread_exit(NULL);
}

int main(void)
{
	pthread_t t[3];
	struct shared *s = malloc(sizeof(*s));

	pthread_mutex_init(&s->lock, NULL);
	s->count = 0;
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, worker, s);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	printf("%ld\n", s->count);
	free(s);
	return 0;
}
