// ok: main holds setup_lock while it starts the loader and fills the table; the loader first waits for setup_lock, so its reads come after; a checker main starts and joins inside the same critical section runs before the loader can take the lock.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t setup_lock = PTHREAD_MUTEX_INITIALIZER;
static int table[4];
static int ready;
static long sum;

static void fill(int base)
{
	for (int i = 0; i < 4; i++)
		table[i] = base + i;
}

static void *loader(void *arg)
{
	pthread_mutex_lock(&setup_lock);
	pthread_mutex_unlock(&setup_lock);
	for (int i = 0; i < 4; i++)
		sum += table[i];
	ready++;
	return NULL;
}

static void *checker(void *arg)
{
	ready = table[0] == 10;
	return NULL;
}

int main(void)
{
	pthread_t l, c;

	pthread_mutex_lock(&setup_lock);
	pthread_create(&l, NULL, loader, NULL);
	fill(10);
	pthread_create(&c, NULL, checker, NULL);
	pthread_join(c, NULL);
	pthread_mutex_unlock(&setup_lock);
	pthread_join(l, NULL);
	printf("%ld %d\n", sum, ready);
	return 0;
}
