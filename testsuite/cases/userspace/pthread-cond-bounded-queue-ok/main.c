// negative: a bounded queue struct carries its own mutex and two condition variables; two producers and two consumers reach it through their thread argument and touch its fields only under its mutex.
#include <pthread.h>
#include <stdio.h>

#define CAP 4
#define PER_PRODUCER 16

struct queue {
	pthread_mutex_t lock;
	pthread_cond_t not_empty;
	pthread_cond_t not_full;
	int items[CAP];
	int head, tail, count;
};

static void put(struct queue *q, int v)
{
	pthread_mutex_lock(&q->lock);
	while (q->count == CAP)
		pthread_cond_wait(&q->not_full, &q->lock);
	q->items[q->tail] = v;
	q->tail = (q->tail + 1) % CAP;
	q->count++;
	pthread_cond_signal(&q->not_empty);
	pthread_mutex_unlock(&q->lock);
}

static int take(struct queue *q)
{
	int v;

	pthread_mutex_lock(&q->lock);
	while (q->count == 0)
		pthread_cond_wait(&q->not_empty, &q->lock);
	v = q->items[q->head];
	q->head = (q->head + 1) % CAP;
	q->count--;
	pthread_cond_signal(&q->not_full);
	pthread_mutex_unlock(&q->lock);
	return v;
}

static void *producer(void *arg)
{
	for (int i = 0; i < PER_PRODUCER; i++)
		put(arg, i);
	return NULL;
}

static void *consumer(void *arg)
{
	long sum = 0;

	for (int i = 0; i < PER_PRODUCER; i++)
		sum += take(arg);
	return (void *)sum;
}

int main(void)
{
	static struct queue q = { .lock = PTHREAD_MUTEX_INITIALIZER,
				  .not_empty = PTHREAD_COND_INITIALIZER,
				  .not_full = PTHREAD_COND_INITIALIZER };
	pthread_t p[2], c[2];
	long total = 0;

	for (int i = 0; i < 2; i++) {
		pthread_create(&p[i], NULL, producer, &q);
		pthread_create(&c[i], NULL, consumer, &q);
	}
	for (int i = 0; i < 2; i++) {
		void *r;

		pthread_join(p[i], NULL);
		pthread_join(c[i], &r);
		total += (long)r;
	}
	printf("%ld\n", total);
	return 0;
}
