// negative: two kthreads each write only their own array slot, selected by the index passed as thread data; the slots never overlap.
#include <linux/module.h>
#include <linux/kthread.h>

static unsigned long slots[2];

static int slot_worker(void *data)
{
	unsigned long id = (unsigned long)data;

	while (!kthread_should_stop()) {
		slots[id]++;
		msleep(10);
	}
	return 0;
}

static int __init slots_init(void)
{
	kthread_run(slot_worker, (void *)0UL, "slot-0");
	kthread_run(slot_worker, (void *)1UL, "slot-1");
	return 0;
}
module_init(slots_init);
