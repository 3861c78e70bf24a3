// data-race: main allocates two nodes of one struct type; each has its own mutex, but the second worker updates the first node's count while holding the second node's mutex.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct node {
	pthread_mutex_t m;
	int count;
};

static void *first(void *arg)
{
	struct node *n = arg;

	pthread_mutex_lock(&n->m);
	n->count++; // expect: data-race
	pthread_mutex_unlock(&n->m);
	return NULL;
}

struct pair {
	struct node *mine;
	struct node *other;
};

static void *second(void *arg)
{
	struct pair *p = arg;

	pthread_mutex_lock(&p->mine->m);
	p->other->count++; // expect: data-race
	pthread_mutex_unlock(&p->mine->m);
	return NULL;
}

int main(void)
{
	struct node *x = malloc(sizeof(*x));
	struct node *y = malloc(sizeof(*y));
	struct pair p = { y, x };
	pthread_t a, b;

	pthread_mutex_init(&x->m, NULL);
	pthread_mutex_init(&y->m, NULL);
	x->count = 0;
	y->count = 0;
	pthread_create(&a, NULL, first, x);
	pthread_create(&b, NULL, second, &p);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%d %d\n", x->count, y->count);
	free(x);
	free(y);
	return 0;
}
