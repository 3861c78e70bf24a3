// negative: two threads share a malloc'd struct and each writes only its own field; main reads both after joining.
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

	for (int i = 0; i < 100; i++)
		p->left += i;
	return NULL;
}

static void *right_worker(void *arg)
{
	struct pair *p = arg;

	for (int i = 0; i < 100; i++)
		p->right -= i;
	return NULL;
}

int main(void)
{
	struct pair *p = malloc(sizeof(*p));
	pthread_t a, b;

	p->left = 0;
	p->right = 0;
	pthread_create(&a, NULL, left_worker, p);
	pthread_create(&b, NULL, right_worker, p);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%d %d\n", p->left, p->right);
	free(p);
	return 0;
}
