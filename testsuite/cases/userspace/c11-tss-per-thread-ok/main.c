// negative: each C11 thread keeps a heap counter of its own in thread-specific storage (tss_set/tss_get) and updates only that one.
#include <stdio.h>
#include <stdlib.h>
#include <threads.h>

static tss_t counter_key;

static int worker(void *arg)
{
	int *mine = malloc(sizeof(*mine));

	*mine = 0;
	tss_set(counter_key, mine);
	for (int i = 0; i < 100; i++) {
		int *c = tss_get(counter_key);
		(*c)++;
	}
	return *(int *)tss_get(counter_key);
}

int main(void)
{
	thrd_t a, b;
	int ra, rb;

	tss_create(&counter_key, free);
	thrd_create(&a, worker, NULL);
	thrd_create(&b, worker, NULL);
	thrd_join(a, &ra);
	thrd_join(b, &rb);
	tss_delete(counter_key);
	printf("%d %d\n", ra, rb);
	return 0;
}
