// data-race: main hands one malloc'd argument struct to every thread it starts in a loop, and each thread frees it when done; one thread's free races with the others' reads.
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
	int out = j->id * j->scale; // expect: data-race

	free(j); // expect: data-race
	return (void *)(long)out;
}

int main(void)
{
	pthread_t t[3];
	struct job *j = malloc(sizeof(*j));
	long sum = 0;

	j->id = 1;
	j->scale = 10;
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, run_job, j);
	for (int i = 0; i < 3; i++) {
		void *r;

		pthread_join(t[i], &r);
		sum += (long)r;
	}
	printf("%ld\n", sum);
	return 0;
}
