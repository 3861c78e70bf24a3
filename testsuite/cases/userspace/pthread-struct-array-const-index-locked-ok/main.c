// negative: workers update every entry's count under that entry's mutex, by a loop index; main reads one entry by a constant index under the same entry's mutex while they run.
#include <pthread.h>
#include <stdio.h>

#define ENTRIES 6

struct entry {
	pthread_mutex_t m;
	int count;
};

static struct entry table[ENTRIES];

static void *touch_all(void *arg)
{
	for (int i = 0; i < ENTRIES; i++) {
		pthread_mutex_lock(&table[i].m);
		table[i].count++;
		pthread_mutex_unlock(&table[i].m);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[2];
	int seen;

	for (int i = 0; i < ENTRIES; i++)
		pthread_mutex_init(&table[i].m, NULL);
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, touch_all, NULL);
	pthread_mutex_lock(&table[4].m);
	seen = table[4].count;
	pthread_mutex_unlock(&table[4].m);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	printf("%d\n", seen);
	return 0;
}
