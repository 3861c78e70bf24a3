// ok: as pointer-chosen-between-members-race, but `p` is `&data.y` or `&data.z`, members the thread never touches: the collapsed `data` is judged per member `*p` may be, and none is `data.x`.
#include <pthread.h>
#include <stdlib.h>

static struct {
	int x;
	int y;
	int z;
} data;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	data.x++;
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;
	int *p;

	if (argc > 1)
		p = &data.y;
	else
		p = &data.z;
	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&m);
	(*p)++;
	pthread_mutex_unlock(&m);
	pthread_join(t, NULL);
	return 0;
}
