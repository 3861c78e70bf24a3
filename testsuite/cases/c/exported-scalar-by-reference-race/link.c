// positive: the same exported `link_poll()`, which also counts calls in a
// counter its caller passes by reference, but this module calls it from its
// ioctl and from its interrupt handler with the address of one static
// counter. The input shows that scalar shared, so the unlocked increments
// through `calls` race; the out-parameter `changed` is each caller's local
// and does not.
#include <linux/module.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>

struct link_dev {
	spinlock_t lock;
	unsigned int speed;
	unsigned long polls;
};

static struct link_dev the_dev = { .lock = __SPIN_LOCK_UNLOCKED(the_dev.lock) };
static unsigned long poll_calls;

int link_poll(struct link_dev *dev, bool *changed, unsigned long *calls)
{
	*changed = false;
	(*calls)++; // expect: data-race
	spin_lock(&dev->lock);
	dev->polls++;
	if (dev->speed != 100) {
		dev->speed = 100;
		*changed = true;
	}
	spin_unlock(&dev->lock);
	return 0;
}
EXPORT_SYMBOL(link_poll);

static irqreturn_t link_irq(int irq, void *data)
{
	bool changed;

	link_poll(&the_dev, &changed, &poll_calls);
	return IRQ_HANDLED;
}

static long link_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	bool changed;

	link_poll(&the_dev, &changed, &poll_calls);
	return changed;
}

static const struct file_operations link_fops = { .owner = THIS_MODULE, .unlocked_ioctl = link_ioctl };
static struct miscdevice link_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "link", .fops = &link_fops };

static int __init link_init(void)
{
	if (request_irq(42, link_irq, 0, "link", NULL))
		return -EBUSY;
	return misc_register(&link_misc);
}
module_init(link_init);
