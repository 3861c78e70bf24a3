// data-race: one thread stores a 32-bit atomic; the other reads its lowest byte through a plain unsigned char pointer; a smaller plain access inside an atomic object still races with the atomic store.
#include <stdatomic.h>
#include <stdio.h>
#include <threads.h>

static atomic_uint state;

static int setter(void *arg)
{
	atomic_store_explicit(&state, 0x01020304u, memory_order_seq_cst); // expect: data-race
	return 0;
}

static int peeker(void *arg)
{
	const unsigned char *bytes = (const unsigned char *)&state;

	return bytes[0]; // expect: data-race
}

int main(void)
{
	thrd_t a, b;
	int low;

	thrd_create(&a, setter, NULL);
	thrd_create(&b, peeker, NULL);
	thrd_join(a, NULL);
	thrd_join(b, &low);
	printf("%d\n", low);
	return 0;
}
