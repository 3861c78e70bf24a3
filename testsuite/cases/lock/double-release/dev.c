// ffi-lock-imbalance: Rust takes the lock and calls C, which releases it; Rust then releases it again.
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

void rs_dev_work(struct work_struct *work);	/* Rust */

static int __init dev_init(void)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	spin_lock_init(&d->lock);
	INIT_WORK(&d->work, rs_dev_work);
	schedule_work(&d->work);
	return 0;
}
module_init(dev_init);

void dev_finish(struct dev *d)
{
	d->done = 1;
	spin_unlock(&d->lock); // expect: ffi-lock-imbalance
}
