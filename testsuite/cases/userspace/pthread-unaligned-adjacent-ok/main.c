// negative: one thread writes the second element of a 64-bit array; the other writes 4 bytes through a packed struct placed 4 bytes into the array, the upper half of the first element only, so the two accesses do not overlap.
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

struct __attribute__((packed, aligned(1))) unaligned_u32 {
	uint32_t val;
};

static uint64_t words[2];

static void *aligned_writer(void *arg)
{
	words[1] = 0x1111;
	return NULL;
}

static void *unaligned_writer(void *arg)
{
	struct unaligned_u32 *p = (struct unaligned_u32 *)((char *)words + 4);

	p->val = 0x2222;
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
