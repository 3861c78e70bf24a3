// negative: threads are started from a table of start routines in a loop; each routine writes a global of its own, and main reads them after the join loop.
#include <pthread.h>
#include <stdio.h>

static int red, green, blue;

static void *paint_red(void *arg) { red = 1; return NULL; }
static void *paint_green(void *arg) { green = 2; return NULL; }
static void *paint_blue(void *arg) { blue = 3; return NULL; }

static void *(*const painters[3])(void *) = { paint_red, paint_green, paint_blue };

int main(void)
{
	pthread_t t[3];

	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, painters[i], NULL);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	printf("%d %d %d\n", red, green, blue);
	return 0;
}
