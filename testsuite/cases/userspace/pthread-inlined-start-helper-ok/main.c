// negative: launch_logger() is visible, so at -O2 its body is inlined into main and an unused out-of-line copy stays behind; only main's start counts, and main joins the logger before reading what it wrote.
#include <pthread.h>
#include <stdio.h>

pthread_t logger_thread;
int lines_logged;

void *logger(void *arg)
{
	lines_logged = 42;
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
	pthread_join(logger_thread, NULL);
	printf("%d\n", lines_logged);
	return 0;
}
