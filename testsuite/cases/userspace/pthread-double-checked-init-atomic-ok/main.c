// negative: double-checked initialisation done right; the flag is an atomic read with acquire outside the mutex and published with a release store after the table is filled.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_int initialised;
static int table[16];

static int *get_table(void)
{
	if (!atomic_load_explicit(&initialised, memory_order_acquire)) {
		pthread_mutex_lock(&init_lock);
		if (!atomic_load_explicit(&initialised, memory_order_relaxed)) {
			for (int i = 0; i < 16; i++)
				table[i] = i * i;
			atomic_store_explicit(&initialised, 1, memory_order_release);
		}
		pthread_mutex_unlock(&init_lock);
	}
	return table;
}

static void *user(void *arg)
{
	int *t = get_table();

	printf("%d\n", t[5]);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, user, NULL);
	pthread_create(&b, NULL, user, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
