// ok: main sets the limit before it starts the supervisor, which starts the probe through spawn_probe() and joins it; main resets the limit after joining the supervisor
#include <pthread.h>

static pthread_t supervisor_tid, probe_tid;
static int limit;

static void *probe(void *arg)
{
	limit = limit * 2;
	return arg;
}

static void spawn_probe(void)
{
	pthread_create(&probe_tid, NULL, probe, NULL);
}

static void *supervisor(void *arg)
{
	spawn_probe();
	pthread_join(probe_tid, NULL);
	return arg;
}

int main(void)
{
	limit = 5;
	pthread_create(&supervisor_tid, NULL, supervisor, NULL);
	pthread_join(supervisor_tid, NULL);
	limit = 0;
	return limit;
}
