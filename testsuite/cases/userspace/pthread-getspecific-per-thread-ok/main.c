// negative: each thread allocates its own buffer and keeps it in thread-specific data (pthread_setspecific); what pthread_getspecific returns is that thread's own buffer.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct scratch {
	int used;
	char data[60];
};

static pthread_key_t scratch_key;

static struct scratch *my_scratch(void)
{
	struct scratch *s = pthread_getspecific(scratch_key);

	if (!s) {
		s = calloc(1, sizeof(*s));
		pthread_setspecific(scratch_key, s);
	}
	return s;
}

static void *worker(void *arg)
{
	for (int i = 0; i < 10; i++) {
		struct scratch *s = my_scratch();
		s->data[s->used % 60] = (char)i;
		s->used++;
	}
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_key_create(&scratch_key, free);
	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	pthread_key_delete(scratch_key);
	return 0;
}
