// ffi-lock-imbalance: the C ioctl takes the mutex and calls Rust, which releases it before returning; C never unlocks.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/fs.h>

struct ioc {
	struct mutex m;
	long value;
};

static struct ioc *the_ioc;
long rs_ioc_handle(struct ioc *d, unsigned int cmd);	/* Rust */

static long ioc_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct ioc *d = the_ioc;

	mutex_lock(&d->m); // expect: ffi-lock-imbalance
	return rs_ioc_handle(d, cmd);
}

static const struct file_operations ioc_fops = { .owner = THIS_MODULE, .unlocked_ioctl = ioc_ioctl };
static struct miscdevice ioc_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "ioc", .fops = &ioc_fops };

static int __init ioc_init(void)
{
	struct ioc *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	mutex_init(&d->m);
	the_ioc = d;
	return misc_register(&ioc_misc);
}
module_init(ioc_init);
