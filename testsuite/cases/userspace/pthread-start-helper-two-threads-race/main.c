// data-race: start_pair() starts two readers on every call, so its one call in main leaves two threads bumping the same counter
#include <pthread.h>

static pthread_t a, b;
static long hits;

static void *reader(void *arg)
{
	hits++; // expect: data-race #hits
	return arg;
}

static void start_pair(void)
{
	pthread_create(&a, NULL, reader, NULL);
	pthread_create(&b, NULL, reader, NULL);
}

int main(void)
{
	start_pair();
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return (int)hits;
}
