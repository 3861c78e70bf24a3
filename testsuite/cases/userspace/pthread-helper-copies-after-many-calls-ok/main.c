// negative: main records sixteen settings through a small helper before it starts three workers; each worker clamps and adds into a total of its own through one shared helper, so no two workers touch the same total however many helper calls came first
#include <pthread.h>
#include <stdio.h>

struct settings {
	int last;
	int spare;
};

static struct settings primary, backup;
static long left_total, mid_total, right_total;

static __attribute__((noinline)) void remember(struct settings *s, int v)
{
	s->last = v;
}

static void *left_worker(void *arg);
static void *mid_worker(void *arg);
static void *right_worker(void *arg);

int main(void)
{
	pthread_t a, b, c;

	remember(&primary, 0);
	remember(&backup, 1);
	remember(&primary, 2);
	remember(&backup, 3);
	remember(&primary, 4);
	remember(&backup, 5);
	remember(&primary, 6);
	remember(&backup, 7);
	remember(&primary, 8);
	remember(&backup, 9);
	remember(&primary, 10);
	remember(&backup, 11);
	remember(&primary, 12);
	remember(&backup, 13);
	remember(&primary, 14);
	remember(&backup, 15);
	pthread_create(&a, NULL, left_worker, NULL);
	pthread_create(&b, NULL, mid_worker, NULL);
	pthread_create(&c, NULL, right_worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	pthread_join(c, NULL);
	printf("%ld %ld %ld %d\n", left_total, mid_total, right_total, primary.last + backup.last);
	return 0;
}

static __attribute__((noinline)) void add_clamped(long *total, long v)
{
	long t = *total;

	if (v > 100)
		v = 100;
	else if (v < -100)
		v = -100;
	t += v;
	if (t > 1000000)
		t -= 1000000;
	*total = t;
}

static void *left_worker(void *arg)
{
	add_clamped(&left_total, 3);
	return NULL;
}

static void *mid_worker(void *arg)
{
	add_clamped(&mid_total, 5);
	return NULL;
}

static void *right_worker(void *arg)
{
	add_clamped(&right_total, 4);
	return NULL;
}
