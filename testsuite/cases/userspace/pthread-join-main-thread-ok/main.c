// negative: main publishes its own handle, starts a reaper and leaves through pthread_exit; the reaper joins main first, so its update of the exit code comes after everything main did.
#include <pthread.h>
#include <stdio.h>

static pthread_t main_handle;
static int exit_code;

static void *reaper(void *arg)
{
	pthread_join(main_handle, NULL);
	exit_code += 10;
	printf("%d\n", exit_code);
	return NULL;
}

int main(void)
{
	pthread_t r;

	main_handle = pthread_self();
	pthread_create(&r, NULL, reaper, NULL);
	exit_code = 3;
	pthread_exit(NULL);
}
