// negative: a loader thread starts a parser thread into a global handle; main joins the loader, then calls a helper that joins the parser, and only then resets what the parser wrote
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

static __attribute__((noinline)) void wait_for_parser(void)
{
	if (pthread_join(parser_thread, NULL) != 0)
		perror("join");
}

int main(void)
{
	pthread_create(&loader_thread, NULL, loader, NULL);
	pthread_join(loader_thread, NULL);
	wait_for_parser();
	parsed_items = 0;
	printf("%d\n", parsed_items);
	return 0;
}
