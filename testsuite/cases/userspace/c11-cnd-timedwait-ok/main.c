// negative: C11 threads; the consumer waits with cnd_timedwait under the mtx_t until the producer's count is set or the deadline passes, and reads the buffer only while holding the mutex the producer filled it under.
#include <stdio.h>
#include <threads.h>
#include <time.h>

static mtx_t m;
static cnd_t cv;
static int count;
static int buf[4];

static int producer(void *arg)
{
	mtx_lock(&m);
	for (int i = 0; i < 4; i++)
		buf[i] = i * 3;
	count = 4;
	cnd_signal(&cv);
	mtx_unlock(&m);
	return 0;
}

static int consumer(void *arg)
{
	struct timespec deadline;
	int sum = 0;

	timespec_get(&deadline, TIME_UTC);
	deadline.tv_sec += 1;
	mtx_lock(&m);
	while (count == 0)
		if (cnd_timedwait(&cv, &m, &deadline) == thrd_timedout)
			break;
	for (int i = 0; i < count; i++)
		sum += buf[i];
	mtx_unlock(&m);
	return sum;
}

int main(void)
{
	thrd_t p, c;
	int sum;

	mtx_init(&m, mtx_plain);
	cnd_init(&cv);
	thrd_create(&c, consumer, NULL);
	thrd_create(&p, producer, NULL);
	thrd_join(p, NULL);
	thrd_join(c, &sum);
	printf("%d\n", sum);
	return 0;
}
