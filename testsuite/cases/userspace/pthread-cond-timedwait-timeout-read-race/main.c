// data-race: the consumer reads the result after its timed wait returns, also when the wait timed out before the producer's flag was set; the producer writes the result outside the mutex, so on the timeout path the read runs concurrently with the write.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int done;
static long result;

static void *producer(void *arg)
{
	result = (long)arg * 3; // expect: data-race
	pthread_mutex_lock(&m);
	done = 1;
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&m);
	return NULL;
}

static void *consumer(void *arg)
{
	struct timespec deadline;
	int rc = 0;

	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += 1;
	pthread_mutex_lock(&m);
	while (!done) {
		rc = pthread_cond_timedwait(&cv, &m, &deadline);
		if (rc == ETIMEDOUT)
			break;
	}
	pthread_mutex_unlock(&m);
	printf("%ld\n", result); // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t p, c;

	pthread_create(&c, NULL, consumer, NULL);
	pthread_create(&p, NULL, producer, (void *)14L);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	return 0;
}
