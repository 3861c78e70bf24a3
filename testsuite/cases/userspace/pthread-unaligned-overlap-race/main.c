// data-race: one thread writes the second element of a 64-bit array; the other writes 8 bytes through a packed struct placed 4 bytes into the array, which covers the upper half of the first element and the lower half of the second.
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

struct __attribute__((packed, aligned(1))) unaligned_u64 {
	uint64_t val;
};

static uint64_t words[2];

static void *aligned_writer(void *arg)
{
	words[1] = 0x1111; // expect: data-race
	return NULL;
}

static void *unaligned_writer(void *arg)
{
	struct unaligned_u64 *p = (struct unaligned_u64 *)((char *)words + 4);

	p->val = 0x2222; // expect: data-race
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, aligned_writer, NULL);
	pthread_create(&b, NULL, unaligned_writer, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%llx %llx\n", (unsigned long long)words[0], (unsigned long long)words[1]);
	return 0;
}
