// negative: as the VT keyboard's `k_handler[]`: a plain (non-const) static table of key handlers, called by run-time index from the IRQ handler under kbd_lock. Every handler, not only the table's first, runs there and nowhere else, so `leds` is written under kbd_lock both by the handlers and by the ioctl. No handler is an entry point of its own.
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/fs.h>

struct kbd {
	unsigned int mode;
};

typedef void (key_handler_fn)(struct kbd *k, unsigned char value);

static struct kbd kbd_a;
static unsigned int leds;
static DEFINE_SPINLOCK(kbd_lock);

static void k_self(struct kbd *k, unsigned char value)
{
	leds = value;
}

static void k_caps(struct kbd *k, unsigned char value)
{
	leds ^= 1;
}

static void k_num(struct kbd *k, unsigned char value)
{
	leds ^= 2;
}

static key_handler_fn *key_handler[] = { k_self, k_caps, k_num };

static irqreturn_t kbd_irq(int irq, void *data)
{
	spin_lock(&kbd_lock);
	key_handler[irq % 3](&kbd_a, irq);
	spin_unlock(&kbd_lock);
	return IRQ_HANDLED;
}

static long kbd_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	spin_lock(&kbd_lock);
	leds = arg;
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
