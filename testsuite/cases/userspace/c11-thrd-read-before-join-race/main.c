// data-race: a C11 thrd_create thread writes `answer`; main reads it before thrd_join.
#include <stdio.h>
#include <threads.h>

static int answer;

static int compute(void *arg)
{
	answer = 42; // expect: data-race
	return 0;
}

int main(void)
{
	thrd_t t;
	int seen;

	thrd_create(&t, compute, NULL);
	seen = answer; // expect: data-race
	thrd_join(t, NULL);
	printf("%d\n", seen);
	return 0;
}
