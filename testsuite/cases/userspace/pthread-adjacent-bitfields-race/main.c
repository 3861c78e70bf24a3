// data-race: two threads set different bit-fields of one struct; adjacent bit-fields are one memory location, so each write is a read-modify-write of the other's bits.
#include <pthread.h>
#include <stdio.h>

struct status {
	unsigned ready : 1;
	unsigned error : 1;
	unsigned count : 6;
};

static struct status st;

static void *set_ready(void *arg)
{
	st.ready = 1; // expect: data-race
	return NULL;
}

static void *set_error(void *arg)
{
	st.error = 1; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, set_ready, NULL);
	pthread_create(&b, NULL, set_error, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%u %u\n", st.ready, st.error);
	return 0;
}
