// negative: workers take the mutex with pthread_mutex_timedlock and touch the queue length only when it returned 0; main uses pthread_mutex_lock.
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static int queued;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	struct timespec deadline;

	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += 1;
	if (pthread_mutex_timedlock(&lock, &deadline) == 0) {
		queued++;
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	int seen;

	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_mutex_lock(&lock);
	seen = queued;
	pthread_mutex_unlock(&lock);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%d %d\n", seen, queued);
	return 0;
}
