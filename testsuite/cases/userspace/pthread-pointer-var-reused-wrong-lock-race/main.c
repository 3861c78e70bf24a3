// data-race: main reuses one pointer variable for two queues and reads the second queue's length under the first queue's mutex, while the mover updates it under its own.
#include <pthread.h>
#include <stdio.h>

struct queue {
	pthread_mutex_t lock;
	int len;
};

static struct queue inbox = { PTHREAD_MUTEX_INITIALIZER, 0 };
static struct queue outbox = { PTHREAD_MUTEX_INITIALIZER, 0 };
static struct queue *in_q = &inbox, *out_q = &outbox;

static void *mover(void *arg)
{
	pthread_mutex_lock(&inbox.lock);
	in_q->len--;
	pthread_mutex_unlock(&inbox.lock);
	pthread_mutex_lock(&outbox.lock);
	out_q->len++; // expect: data-race
	pthread_mutex_unlock(&outbox.lock);
	return NULL;
}

int main(void)
{
	pthread_t t;
	struct queue *q;

	pthread_create(&t, NULL, mover, NULL);
	q = in_q;
	pthread_mutex_lock(&inbox.lock);
	q->len += 2;
	q = out_q;
	printf("%d\n", q->len); // expect: data-race
	pthread_mutex_unlock(&inbox.lock);
	pthread_join(t, NULL);
	return 0;
}
