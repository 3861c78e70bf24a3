// data-race: main holds stats_lock while it starts a launcher whose child (the tallier) bumps the total without a lock, but main unlocks before it joins the tallier, so the auditor's locked update may overlap the tallier's
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_t auditor_tid, launcher_tid, tallier_tid;
static long total;

static void *auditor(void *arg)
{
	pthread_mutex_lock(&stats_lock);
	total += 10; // expect: data-race
	pthread_mutex_unlock(&stats_lock);
	return arg;
}

static void *tallier(void *arg)
{
	total += 1; // expect: data-race
	return arg;
}

static void *launcher(void *arg)
{
	pthread_create(&tallier_tid, NULL, tallier, NULL);
	pthread_mutex_lock(&stats_lock);
	pthread_mutex_unlock(&stats_lock);
	return arg;
}

int main(void)
{
	pthread_create(&auditor_tid, NULL, auditor, NULL);
	pthread_mutex_lock(&stats_lock);
	pthread_create(&launcher_tid, NULL, launcher, NULL);
	pthread_mutex_unlock(&stats_lock);
	pthread_join(tallier_tid, NULL);
	pthread_join(launcher_tid, NULL);
	pthread_join(auditor_tid, NULL);
	printf("%ld\n", total);
	return 0;
}
