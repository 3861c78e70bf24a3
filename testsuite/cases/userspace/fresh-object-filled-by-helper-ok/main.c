// ok: the worker allocates a node, fills it in through a helper (a call at -O0) that only writes through its parameter, and only then links it into the shared list under the lock main reads it with: the helper's writes come before anyone can see the node.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct node {
	int datum;
	struct node *next;
};

static struct node *head;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void fill(struct node *n, int x)
{
	n->datum = x;
	n->next = NULL;
}

static void *worker(void *arg)
{
	struct node *n = malloc(sizeof(*n));

	if (!n)
		return NULL;
	fill(n, 7);
	pthread_mutex_lock(&lock);
	n->next = head->next;
	head->next = n;
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(void)
{
	pthread_t t;
	struct node *first = malloc(sizeof(*first));

	head = malloc(sizeof(*head));
	if (!first || !head)
		return 1;
	fill(first, 9);
	fill(head, 3);
	head->next = first;
	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&lock);
	printf("%d\n", head->next->datum);
	pthread_mutex_unlock(&lock);
	pthread_join(t, NULL);
	return 0;
}
