// data-race: a loader thread starts a parser thread into a global handle; main joins only the loader before it resets what the parser writes, and joins the parser too late
#include <pthread.h>
#include <stdio.h>

static pthread_t loader_thread, parser_thread;
static int parsed_items;

static void *parser(void *arg)
{
	parsed_items = 12; // expect: data-race
	return NULL;
}

static void *loader(void *arg)
{
	pthread_create(&parser_thread, NULL, parser, NULL);
	return NULL;
}

int main(void)
{
	pthread_create(&loader_thread, NULL, loader, NULL);
	pthread_join(loader_thread, NULL);
	parsed_items = 0; // expect: data-race
	pthread_join(parser_thread, NULL);
	printf("%d\n", parsed_items);
	return 0;
}
