// ffi-lock-imbalance: a Rust function called from C takes the C lock and returns early on an error path with it still held.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

struct dev {
	spinlock_t lock;
	int x;
	int done;
	struct work_struct work;
};

int rs_dev_process(struct dev *d);	/* Rust */

static void dev_work_fn(struct work_struct *work)
{
	struct dev *d = container_of(work, struct dev, work);

	rs_dev_process(d);
}

static int __init dev_init(void)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	spin_lock_init(&d->lock);
	INIT_WORK(&d->work, dev_work_fn);
	schedule_work(&d->work);
	return 0;
}
module_init(dev_init);
