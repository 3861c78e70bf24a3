// ok: as container-of-null-offsetof-race, but the probe writes `other`, a member the callbacks never touch, at the offset `count` would have if the step back to the struct were lost.
#include <pthread.h>
#include <stdlib.h>

#define my_offsetof(TYPE, MEMBER) ((unsigned long) &((TYPE *)0)->MEMBER)
#define my_container_of(ptr, type, member) \
	((type *)((char *)(ptr) - my_offsetof(type, member)))

struct device {
	int id;
};

struct my_data {
	pthread_mutex_t lock;
	struct device dev;
	int count;
	int pad[9];
	int other;
};

static void *callback(void *arg)
{
	struct my_data *data = my_container_of((struct device *)arg, struct my_data, dev);

	pthread_mutex_lock(&data->lock);
	data->count++;
	pthread_mutex_unlock(&data->lock);
	return NULL;
}

int main(void)
{
	pthread_t t1, t2;
	struct my_data *data = calloc(1, sizeof(*data));

	if (!data)
		return 1;
	pthread_mutex_init(&data->lock, NULL);
	pthread_create(&t1, NULL, callback, &data->dev);
	pthread_create(&t2, NULL, callback, &data->dev);
	data->other = 3;
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	free(data);
	return 0;
}
