// negative: a loader thread starts a parser thread into a global handle; main joins the loader, then joins the parser through that handle, and only then reads what the parser wrote
#include <pthread.h>
#include <stdio.h>

static pthread_t loader_thread, parser_thread;
static int parsed_items;

static void *parser(void *arg)
{
	parsed_items = 12;
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
	pthread_join(parser_thread, NULL);
	printf("%d\n", parsed_items);
	return 0;
}
