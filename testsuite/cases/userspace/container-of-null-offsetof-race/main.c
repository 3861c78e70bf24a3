// data-race: offsetof written as `(unsigned long) &((T *)0)->m` stays a constant expression at -O0 (`ptrtoint (getelementptr (i8, ptr null, i64 40))`), so container_of's step back to the struct indexes by `sub (i64 0, that)`; the callbacks update `count` under the struct's lock, the probe writes it after starting them without the lock.
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
	data->count++; // expect: data-race
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
	data->count = 3; // expect: data-race
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	free(data);
	return 0;
}
