// negative: five scanners are started into slots 0..4 and joined from the last slot down to the first, so every one has finished when main prints the tally.
#include <pthread.h>
#include <stdio.h>

#define SCANNERS 5

static long tally;
static pthread_mutex_t tally_lock = PTHREAD_MUTEX_INITIALIZER;

static void *scan(void *arg)
{
	pthread_mutex_lock(&tally_lock);
	tally += 3;
	pthread_mutex_unlock(&tally_lock);
	return NULL;
}

int main(void)
{
	pthread_t ids[SCANNERS];

	for (int s = 0; s < SCANNERS; s++)
		pthread_create(&ids[s], NULL, scan, NULL);
	for (int s = SCANNERS - 1; s >= 0; s--)
		pthread_join(ids[s], NULL);
	printf("%ld\n", tally);
	return 0;
}
