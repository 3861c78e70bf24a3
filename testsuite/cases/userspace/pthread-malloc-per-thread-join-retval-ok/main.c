// negative: every worker allocates and fills a buffer of its own and returns it; main reads each buffer only after pthread_join handed it back.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define WORKERS 3
#define LEN 32

static void *produce(void *arg)
{
	long seed = (long)arg;
	int *buf = malloc(LEN * sizeof(int));

	if (!buf)
		pthread_exit(NULL);
	for (int i = 0; i < LEN; i++)
		buf[i] = (int)(seed * i);
	for (int i = 1; i < LEN; i++)
		buf[i] += buf[i - 1];
	return buf;
}

int main(void)
{
	pthread_t t[WORKERS];
	long total = 0;

	for (long i = 0; i < WORKERS; i++)
		pthread_create(&t[i], NULL, produce, (void *)(i + 1));
	for (int i = 0; i < WORKERS; i++) {
		void *ret;

		pthread_join(t[i], &ret);
		if (ret) {
			total += ((int *)ret)[LEN - 1];
			free(ret);
		}
	}
	printf("%ld\n", total);
	return 0;
}
