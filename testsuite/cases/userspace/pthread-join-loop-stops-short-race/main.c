// data-race: five scanners are started into slots 0..4, but the join loop only waits for slots 0..3, so the last scanner may still be adding to the tally when main prints it.
#include <pthread.h>
#include <stdio.h>

#define SCANNERS 5

static long tally;
static pthread_mutex_t tally_lock = PTHREAD_MUTEX_INITIALIZER;

static void *scan(void *arg)
{
	pthread_mutex_lock(&tally_lock);
	tally += 3; // expect: data-race
	pthread_mutex_unlock(&tally_lock);
	return NULL;
}

int main(void)
{
	pthread_t ids[SCANNERS];

	for (int s = 0; s < SCANNERS; s++)
		pthread_create(&ids[s], NULL, scan, NULL);
	for (int s = 0; s + 1 < SCANNERS; s++)
		pthread_join(ids[s], NULL);
	printf("%ld\n", tally); // expect: data-race
	return 0;
}
