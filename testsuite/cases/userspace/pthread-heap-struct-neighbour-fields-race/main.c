// data-race: two threads share a malloc'd struct; each writes its own field, which is fine, but the second also reads the first one's field while it may be written.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct pair {
	int left;
	int right;
};

static void *left_worker(void *arg)
{
	struct pair *p = arg;

	p->left = 1; // expect: data-race
	return NULL;
}

static void *right_worker(void *arg)
{
	struct pair *p = arg;

	p->right = 2;
	if (p->left) // expect: data-race
		p->right = 3;
	return NULL;
}

int main(void)
{
	struct pair *p = calloc(1, sizeof(*p));
	pthread_t a, b;

	pthread_create(&a, NULL, left_worker, p);
	pthread_create(&b, NULL, right_worker, p);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%d %d\n", p->left, p->right);
	free(p);
	return 0;
}
