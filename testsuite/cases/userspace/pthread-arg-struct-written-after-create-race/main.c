// data-race: main allocates an argument struct per thread in a loop, starts the thread, and then still updates the struct the thread reads.
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

	return (void *)(long)(j->id * j->scale); // expect: data-race
}

int main(void)
{
	pthread_t t[3];
	struct job *jobs[3];
	long sum = 0;

	for (int i = 0; i < 3; i++) {
		struct job *j = malloc(sizeof(*j));

		j->id = i;
		j->scale = 1;
		jobs[i] = j;
		pthread_create(&t[i], NULL, run_job, j);
		j->scale = 10; // expect: data-race
	}
	for (int i = 0; i < 3; i++) {
		void *r;

		pthread_join(t[i], &r);
		sum += (long)r;
	}
	for (int i = 0; i < 3; i++)
		free(jobs[i]);
	printf("%ld\n", sum);
	return 0;
}
