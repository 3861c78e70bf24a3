// ffi-lock-mismatch: C guards a field with the C struct's spinlock, Rust with its own kernel::sync::SpinLock; both lock, no lock in common.
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct leveldev {
	spinlock_t lock;
	int level;
};

struct leveldev gdev;
ssize_t rs_level_write(struct file *f, const char __user *buf, size_t len, loff_t *off);	/* Rust */

static irqreturn_t level_irq(int irq, void *data)
{
	spin_lock(&gdev.lock);
	gdev.level++; // expect: ffi-lock-mismatch
	spin_unlock(&gdev.lock);
	return IRQ_HANDLED;
}

static const struct file_operations level_fops = { .owner = THIS_MODULE, .write = rs_level_write };
static struct miscdevice level_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "level", .fops = &level_fops };

static int __init level_init(void)
{
	spin_lock_init(&gdev.lock);
	if (request_irq(14, level_irq, 0, "level", NULL))
		return -EBUSY;
	return misc_register(&level_misc);
}
module_init(level_init);
