// negative: a consumer waits for the item with pthread_cond_timedwait under the mutex, giving up after a deadline; it reads and clears the item only with the mutex held, where the producer wrote it.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int have_item;
static long item;

static void *producer(void *arg)
{
	pthread_mutex_lock(&m);
	item = (long)arg;
	have_item = 1;
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&m);
	return NULL;
}

static void *consumer(void *arg)
{
	struct timespec deadline;
	long got = -1;
	int rc = 0;

	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += 2;
	pthread_mutex_lock(&m);
	while (!have_item && rc != ETIMEDOUT)
		rc = pthread_cond_timedwait(&cv, &m, &deadline);
	if (have_item) {
		got = item;
		item = 0;
		have_item = 0;
	}
	pthread_mutex_unlock(&m);
	printf("%ld\n", got);
	return NULL;
}

int main(void)
{
	pthread_t p, c;

	pthread_create(&c, NULL, consumer, NULL);
	pthread_create(&p, NULL, producer, (void *)42L);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	return 0;
}
