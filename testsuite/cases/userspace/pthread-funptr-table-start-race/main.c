// data-race: threads are started from a table of start routines in a loop; two of the routines write the same global.
#include <pthread.h>
#include <stdio.h>

static int red, shade;

static void *paint_red(void *arg) { red = 1; return NULL; }
static void *paint_light(void *arg) { shade = 2; return NULL; } // expect: data-race
static void *paint_dark(void *arg) { shade = 3; return NULL; } // expect: data-race

static void *(*const painters[3])(void *) = { paint_red, paint_light, paint_dark };

int main(void)
{
	pthread_t t[3];

	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, painters[i], NULL);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	printf("%d %d\n", red, shade);
	return 0;
}
