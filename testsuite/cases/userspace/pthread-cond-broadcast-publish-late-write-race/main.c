// data-race: as the broadcast above, but main writes the configuration after it released the mutex, so a woken worker may read it during the write.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int go;
static int config[3];

static void *worker(void *arg)
{
	long id = (long)arg;

	pthread_mutex_lock(&m);
	while (!go)
		pthread_cond_wait(&cv, &m);
	pthread_mutex_unlock(&m);
	printf("%d\n", config[id]); // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t t[3];

	for (long i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	pthread_mutex_lock(&m);
	go = 1;
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&m);
	for (int i = 0; i < 3; i++)
		config[i] = i + 7; // expect: data-race
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	return 0;
}
