// ffi-lock-mismatch: one struct, two locks: C writes the field under the mutex, Rust under the spinlock.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/fs.h>
#include <linux/workqueue.h>

struct twolock {
	struct mutex mlock;
	spinlock_t slock;
	int mode;
	struct work_struct work;
};

static struct twolock *the_dev;
void rs_twolock_work(struct work_struct *work);	/* Rust */

static long twolock_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct twolock *d = the_dev;

	mutex_lock(&d->mlock);
	d->mode = cmd; // expect: ffi-lock-mismatch
	mutex_unlock(&d->mlock);
	schedule_work(&d->work);
	return 0;
}

static const struct file_operations twolock_fops = { .owner = THIS_MODULE, .unlocked_ioctl = twolock_ioctl };
static struct miscdevice twolock_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "twolock", .fops = &twolock_fops };

static int __init twolock_init(void)
{
	struct twolock *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	mutex_init(&d->mlock);
	spin_lock_init(&d->slock);
	INIT_WORK(&d->work, rs_twolock_work);
	the_dev = d;
	return misc_register(&twolock_misc);
}
module_init(twolock_init);
