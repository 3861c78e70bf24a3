// data-race: double-checked initialisation with a plain flag; the unlocked first check reads the flag, and then the table without any order, while another thread sets them under the mutex.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;
static int initialised;
static int table[16];

static int *get_table(void)
{
	if (!initialised) { // expect: data-race #flag
		pthread_mutex_lock(&init_lock);
		if (!initialised) {
			for (int i = 0; i < 16; i++)
				table[i] = i * i; // expect: data-race #table
			initialised = 1; // expect: data-race #flag
		}
		pthread_mutex_unlock(&init_lock);
	}
	return table;
}

static void *user(void *arg)
{
	int *t = get_table();

	printf("%d\n", t[5]); // expect: data-race #table
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
