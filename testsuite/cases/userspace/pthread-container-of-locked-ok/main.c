// negative: the thread gets a pointer to a member embedded in a driver-like struct, recovers the struct with container_of and updates both counters under the struct's mutex; main reads them under the same mutex.
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#define container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))

struct device {
	int id;
};

struct my_data {
	pthread_mutex_t lock;
	struct device dev;
	int a;
	int b;
};

static void *my_callback(void *arg)
{
	struct device *dev = arg;
	struct my_data *data = container_of(dev, struct my_data, dev);

	pthread_mutex_lock(&data->lock);
	data->a = 1;
	data->b = data->b + 1;
	pthread_mutex_unlock(&data->lock);
	return NULL;
}

int main(void)
{
	struct my_data *data = calloc(1, sizeof(*data));
	pthread_t t;
	int a, b;

	if (!data)
		return 1;
	pthread_mutex_init(&data->lock, NULL);
	data->dev.id = 7;
	pthread_create(&t, NULL, my_callback, &data->dev);
	pthread_mutex_lock(&data->lock);
	a = data->a;
	b = data->b;
	pthread_mutex_unlock(&data->lock);
	pthread_join(t, NULL);
	printf("%d %d\n", a, b);
	free(data);
	return 0;
}
