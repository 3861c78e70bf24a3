// negative: each worker fills a heap result and hands it back with pthread_exit from a helper; main reads and frees the result only after pthread_join returned it.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct result {
	long id;
	long squares;
};

static void finish(struct result *r)
{
	pthread_exit(r);
}

static void *worker(void *arg)
{
	struct result *r = malloc(sizeof(*r));

	if (!r)
		return NULL;
	r->id = (long)arg;
	r->squares = 0;
	for (long i = 0; i <= r->id; i++)
		r->squares += i * i;
	finish(r);
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	void *ra, *rb;
	long total = 0;

	pthread_create(&a, NULL, worker, (void *)3L);
	pthread_create(&b, NULL, worker, (void *)5L);
	pthread_join(a, &ra);
	pthread_join(b, &rb);
	if (ra) {
		total += ((struct result *)ra)->squares;
		free(ra);
	}
	if (rb) {
		total += ((struct result *)rb)->squares;
		free(rb);
	}
	printf("%ld\n", total);
	return 0;
}
