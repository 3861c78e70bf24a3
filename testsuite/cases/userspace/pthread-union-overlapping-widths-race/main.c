// data-race: one thread writes a union's 64-bit member, another its 16-bit member, which lies inside the same bytes.
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

union word {
	uint64_t whole;
	uint16_t halves[4];
};

static union word w;

static void *wide(void *arg)
{
	w.whole = 0x1122334455667788ull; // expect: data-race
	return NULL;
}

static void *narrow(void *arg)
{
	w.halves[2] = 0xffff; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, wide, NULL);
	pthread_create(&b, NULL, narrow, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%llx\n", (unsigned long long)w.whole);
	return 0;
}
