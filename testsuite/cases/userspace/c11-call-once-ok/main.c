// negative: C11 call_once runs the initialiser once, and its completion happens before every call_once returns; the thrd_create threads read the table after it.
#include <stdio.h>
#include <threads.h>

static once_flag table_once = ONCE_FLAG_INIT;
static int table[16];

static void fill_table(void)
{
	for (int i = 0; i < 16; i++)
		table[i] = i * 3;
}

static int worker(void *arg)
{
	int sum = 0;

	call_once(&table_once, fill_table);
	for (int i = 0; i < 16; i++)
		sum += table[i];
	return sum;
}

int main(void)
{
	thrd_t a, b;
	int ra, rb;

	thrd_create(&a, worker, NULL);
	thrd_create(&b, worker, NULL);
	thrd_join(a, &ra);
	thrd_join(b, &rb);
	printf("%d %d\n", ra, rb);
	return 0;
}
