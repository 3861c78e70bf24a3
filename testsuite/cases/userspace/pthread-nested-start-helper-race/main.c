// data-race: the supervisor starts the probe through spawn_probe() and returns without joining it, so main's reset after joining the supervisor can meet the probe's update
#include <pthread.h>

static pthread_t supervisor_tid, probe_tid;
static int limit;

static void *probe(void *arg)
{
	limit = limit * 2; // expect: data-race #limit
	return arg;
}

static void spawn_probe(void)
{
	pthread_create(&probe_tid, NULL, probe, NULL);
}

static void *supervisor(void *arg)
{
	spawn_probe();
	return arg;
}

int main(void)
{
	limit = 5;
	pthread_create(&supervisor_tid, NULL, supervisor, NULL);
	pthread_join(supervisor_tid, NULL);
	limit = 0; // expect: data-race #limit
	return 0;
}
