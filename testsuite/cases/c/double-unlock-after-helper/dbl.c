// ffi-lock-imbalance (unlock of a lock not held): the work function calls a
// helper that already drops the lock, then releases it again. The rule
// covers this on either side of the FFI boundary.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

struct dbl_dev {
	spinlock_t lock;
	int pending;
	struct work_struct work;
};

static noinline void dbl_finish(struct dbl_dev *d)
{
	d->pending = 0;
	spin_unlock(&d->lock);
}

static void dbl_work(struct work_struct *work)
{
	struct dbl_dev *d = container_of(work, struct dbl_dev, work);

	spin_lock(&d->lock);
	d->pending++;
	dbl_finish(d);
	spin_unlock(&d->lock); // expect: ffi-lock-imbalance
}

static int __init dbl_init(void)
{
	struct dbl_dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	spin_lock_init(&d->lock);
	INIT_WORK(&d->work, dbl_work);
	schedule_work(&d->work);
	return 0;
}
module_init(dbl_init);
