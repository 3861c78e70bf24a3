// negative: main allocates an argument struct per thread in the create loop and frees each one in the join loop right after joining the thread that used it.
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

	return (void *)(long)(j->id * j->scale);
}

int main(void)
{
	pthread_t t[3];
	struct job *jobs[3];
	long sum = 0;

	for (int i = 0; i < 3; i++) {
		jobs[i] = malloc(sizeof(struct job));
		jobs[i]->id = i;
		jobs[i]->scale = 10;
		pthread_create(&t[i], NULL, run_job, jobs[i]);
	}
	for (int i = 0; i < 3; i++) {
		void *r;

		pthread_join(t[i], &r);
		sum += (long)r;
		free(jobs[i]);
	}
	printf("%ld\n", sum);
	return 0;
}
