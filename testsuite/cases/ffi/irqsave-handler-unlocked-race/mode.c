// ffi-data-race: the C ioctl writes under spin_lock_irqsave, but the Rust IRQ handler (possibly on another CPU) reads without the lock.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct modedev {
	spinlock_t lock;
	int mode;
};

static struct modedev *the_dev;
irqreturn_t rs_mode_irq(int irq, void *data);	/* Rust */

static long mode_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct modedev *d = the_dev;
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	d->mode = cmd; // expect: ffi-data-race
	spin_unlock_irqrestore(&d->lock, flags);
	return 0;
}

static const struct file_operations mode_fops = { .owner = THIS_MODULE, .unlocked_ioctl = mode_ioctl };
static struct miscdevice mode_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "mode", .fops = &mode_fops };

static int __init mode_init(void)
{
	struct modedev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	spin_lock_init(&d->lock);
	the_dev = d;
	if (request_irq(9, rs_mode_irq, 0, "mode", d))
		return -EBUSY;
	return misc_register(&mode_misc);
}
module_init(mode_init);
