// data-race: every worker allocates a node and pushes it on a global list without a lock; the nodes are private, the list head is not.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct node {
	int value;
	struct node *next;
};

static struct node *head;

static void *push_one(void *arg)
{
	struct node *n = malloc(sizeof(*n));

	if (!n)
		return NULL;
	n->value = (int)(long)arg;
	n->next = head; // expect: data-race
	head = n; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t[4];
	int count = 0;

	for (long i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, push_one, (void *)i);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	for (struct node *n = head; n; n = n->next)
		count++;
	printf("%d\n", count);
	return 0;
}
