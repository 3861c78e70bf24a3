// negative: main fills a malloc'd argument struct for each thread and never touches it again; each thread reads its own struct and frees it.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct job {
	int id;
	int scale;
};

static void *run_job(void *arg)
{
	struct job *j = arg;
	int out = j->id * j->scale;

	free(j);
	return (void *)(long)out;
}

int main(void)
{
	pthread_t t[3];
	long sum = 0;

	for (int i = 0; i < 3; i++) {
		struct job *j = malloc(sizeof(*j));

		j->id = i;
		j->scale = 10;
		pthread_create(&t[i], NULL, run_job, j);
	}
	for (int i = 0; i < 3; i++) {
		void *r;

		pthread_join(t[i], &r);
		sum += (long)r;
	}
	printf("%ld\n", sum);
	return 0;
}
