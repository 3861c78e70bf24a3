// negative: a lock-free stack; pushers fill a node and publish it with a release compare-exchange on the head, the popper takes the head with an acquire exchange and reads the nodes it got.
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <threads.h>

struct node {
	int value;
	struct node *next;
};

static _Atomic(struct node *) head;

static int pusher(void *arg)
{
	for (int i = 0; i < 10; i++) {
		struct node *n = malloc(sizeof(*n));

		n->value = i;
		n->next = atomic_load_explicit(&head, memory_order_relaxed);
		while (!atomic_compare_exchange_weak_explicit(&head, &n->next, n, memory_order_release,
							      memory_order_relaxed))
			;
	}
	return 0;
}

int main(void)
{
	thrd_t a, b;
	long sum = 0;

	thrd_create(&a, pusher, NULL);
	thrd_create(&b, pusher, NULL);
	thrd_join(a, NULL);
	thrd_join(b, NULL);
	for (struct node *n = atomic_exchange_explicit(&head, NULL, memory_order_acquire); n;) {
		struct node *next = n->next;

		sum += n->value;
		free(n);
		n = next;
	}
	printf("%ld\n", sum);
	return 0;
}
