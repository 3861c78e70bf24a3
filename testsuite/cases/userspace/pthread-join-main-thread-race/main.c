// data-race: the reaper updates the exit code before it joins main, so its write may overlap main's.
#include <pthread.h>
#include <stdio.h>

static pthread_t main_handle;
static int exit_code;

static void *reaper(void *arg)
{
	exit_code += 10; // expect: data-race
	pthread_join(main_handle, NULL);
	printf("%d\n", exit_code);
	return NULL;
}

int main(void)
{
	pthread_t r;

	main_handle = pthread_self();
	pthread_create(&r, NULL, reaper, NULL);
	exit_code = 3; // expect: data-race
	pthread_exit(NULL);
}
