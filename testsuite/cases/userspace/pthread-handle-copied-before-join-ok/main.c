// negative: main saves a copy of the handle in slot 3 before the join loop but leaves the array as it is, so the loop still waits for every marker.
#include <pthread.h>
#include <stdio.h>

#define N 4

static int marks;
static pthread_t newest;
static pthread_mutex_t marks_lock = PTHREAD_MUTEX_INITIALIZER;

static void *marker(void *arg)
{
	pthread_mutex_lock(&marks_lock);
	marks |= 1 << (long)arg;
	pthread_mutex_unlock(&marks_lock);
	return NULL;
}

int main(void)
{
	pthread_t th[N];

	for (long k = 0; k < N; k++)
		pthread_create(&th[k], NULL, marker, (void *)k);
	newest = th[3];
	for (int k = 0; k < N; k++)
		pthread_join(th[k], NULL);
	printf("%x %d\n", marks, newest == th[3]);
	return 0;
}
