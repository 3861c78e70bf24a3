// data-race: the worker writes its result into a shared buffer and sets done with release; main polls done with a relaxed load and then clears the buffer for the next job. The relaxed load orders nothing, so main's write and the worker's write are unordered (write-write).
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

char buffer[32];
static atomic_bool done;

static void *worker(void *arg)
{
	buffer[0] = 'x'; // expect: data-race
	atomic_store_explicit(&done, 1, memory_order_release);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	while (!atomic_load_explicit(&done, memory_order_relaxed))
		;
	buffer[0] = 0; // expect: data-race
	pthread_join(t, NULL);
	return 0;
}
