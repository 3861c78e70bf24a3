// positive: as handler-table-under-lock-ok, but the IRQ handler calls the table's handlers without kbd_lock, and they reach the keyboard only through their parameter. `k_caps`, the table's second entry, flips `kbd_a.mode` with no lock while the ioctl writes it under kbd_lock. The call by run-time index must pass its argument to every entry of the plain (non-const) table, not only the first.
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/fs.h>

struct kbd {
	unsigned int mode;
};

typedef void (key_handler_fn)(struct kbd *k, unsigned char value);

static struct kbd kbd_a;
static DEFINE_SPINLOCK(kbd_lock);

static void k_self(struct kbd *k, unsigned char value)
{
}

static void k_caps(struct kbd *k, unsigned char value)
{
	k->mode ^= 1; // expect: data-race
}

static key_handler_fn *key_handler[] = { k_self, k_caps };

static irqreturn_t kbd_irq(int irq, void *data)
{
	key_handler[irq & 1](&kbd_a, irq);
	return IRQ_HANDLED;
}

static long kbd_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	spin_lock(&kbd_lock);
	kbd_a.mode = arg; // expect: data-race
	spin_unlock(&kbd_lock);
	return 0;
}

static const struct file_operations kbd_fops = { .owner = THIS_MODULE, .unlocked_ioctl = kbd_ioctl };
static struct miscdevice kbd_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "kbd", .fops = &kbd_fops };

static int __init kbd_init(void)
{
	if (request_irq(42, kbd_irq, 0, "kbd", NULL))
		return -EBUSY;
	return misc_register(&kbd_misc);
}
module_init(kbd_init);
