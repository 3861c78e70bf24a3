// data-race: main copies the handle in slot 3 over slot 1 before the join loop, so the thread started into slot 1 is never waited for and its write may overlap main's read.
#include <pthread.h>
#include <stdio.h>

#define N 4

static int marks;
static pthread_mutex_t marks_lock = PTHREAD_MUTEX_INITIALIZER;

static void *marker(void *arg)
{
	pthread_mutex_lock(&marks_lock);
	marks |= 1 << (long)arg; // expect: data-race
	pthread_mutex_unlock(&marks_lock);
	return NULL;
}

int main(void)
{
	pthread_t th[N];

	for (long k = 0; k < N; k++)
		pthread_create(&th[k], NULL, marker, (void *)k);
	th[1] = th[3];
	for (int k = 0; k < N; k++)
		pthread_join(th[k], NULL);
	printf("%x\n", marks); // expect: data-race
	return 0;
}
