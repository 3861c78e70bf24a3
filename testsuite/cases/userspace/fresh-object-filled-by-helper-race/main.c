// data-race: as fresh-object-filled-by-helper-ok, but the worker links the node in first and fills it in afterwards, outside the lock: the helper's write comes after the node is published.
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
	n->datum = x; // expect: data-race
	n->next = NULL;
}

static void *worker(void *arg)
{
	struct node *n = malloc(sizeof(*n));

	if (!n)
		return NULL;
	pthread_mutex_lock(&lock);
	n->next = head->next;
	head->next = n;
	pthread_mutex_unlock(&lock);
	fill(n, 7);
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
	printf("%d\n", head->next->datum); // expect: data-race
	pthread_mutex_unlock(&lock);
	pthread_join(t, NULL);
	return 0;
}
