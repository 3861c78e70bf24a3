// negative: every thread gets a pointer to its own element of an array of argument structs (filled in before any thread starts) and writes only that element's result.
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 3

struct job {
	int input;
	int output;
};

static struct job jobs[NTHREADS];

static void *run_job(void *arg)
{
	struct job *j = arg;

	j->output = j->input * 3;
	return NULL;
}

int main(void)
{
	pthread_t t[NTHREADS];
	int i;

	for (i = 0; i < NTHREADS; i++)
		jobs[i].input = i + 1;
	for (i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, run_job, &jobs[i]);
	for (i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	for (i = 0; i < NTHREADS; i++)
		printf("%d\n", jobs[i].output);
	return 0;
}
