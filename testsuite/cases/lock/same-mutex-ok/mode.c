// negative: C ioctl and Rust work item take the same C mutex (Rust through rust_helper_mutex_lock and the direct mutex_unlock binding).
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/fs.h>
#include <linux/workqueue.h>

struct onelock {
	struct mutex mlock;
	int mode;
	struct work_struct work;
};

static struct onelock *the_dev;
void rs_onelock_work(struct work_struct *work);	/* Rust */

static long onelock_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct onelock *d = the_dev;

	mutex_lock(&d->mlock);
	d->mode = cmd;
	mutex_unlock(&d->mlock);
	schedule_work(&d->work);
	return 0;
}

static const struct file_operations onelock_fops = { .owner = THIS_MODULE, .unlocked_ioctl = onelock_ioctl };
static struct miscdevice onelock_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "onelock", .fops = &onelock_fops };

static int __init onelock_init(void)
{
	struct onelock *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	mutex_init(&d->mlock);
	INIT_WORK(&d->work, rs_onelock_work);
	the_dev = d;
	return misc_register(&onelock_misc);
}
module_init(onelock_init);
