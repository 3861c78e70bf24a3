// data-race: launch_logger() is visible, so at -O2 its body is inlined into main and an unused out-of-line copy stays behind; main reads what the logger writes before it joins it.
#include <pthread.h>
#include <stdio.h>

pthread_t logger_thread;
int lines_logged;

void *logger(void *arg)
{
	lines_logged = 42; // expect: data-race
	return NULL;
}

int launch_logger(void)
{
	return pthread_create(&logger_thread, NULL, logger, NULL);
}

int main(void)
{
	if (launch_logger() != 0)
		return 1;
	printf("%d\n", lines_logged); // expect: data-race
	pthread_join(logger_thread, NULL);
	return 0;
}
