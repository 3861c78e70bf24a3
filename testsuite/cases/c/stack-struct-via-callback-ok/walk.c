// negative: the IRQ handler and the ioctl each fill their own on-stack `struct walk` and pass it to a helper that is also an ops callback; stack objects are per call, never shared.
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct walk {
	int depth;
	unsigned long last;
};

struct walk_ops {
	void (*step)(struct walk *w, unsigned long v);
};

/* Not inlined, so both callers' `struct walk` locals are objects that reach it. */
static noinline void walk_step(struct walk *w, unsigned long v)
{
	w->depth++;
	w->last = v;
}

/* walk_step is also reachable through an ops table: its parameter is memory from outside. */
const struct walk_ops walk_default_ops = { .step = walk_step };

static unsigned long walk_irq_total;

static irqreturn_t walk_irq(int irq, void *data)
{
	struct walk w = { 0 };

	walk_step(&w, irq);
	walk_step(&w, irq + 1);
	return w.depth ? IRQ_HANDLED : IRQ_NONE;
}

static long walk_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct walk w = { 0 };

	walk_step(&w, arg);
	return w.last + w.depth;
}

static const struct file_operations walk_fops = { .owner = THIS_MODULE, .unlocked_ioctl = walk_ioctl };
static struct miscdevice walk_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "walk", .fops = &walk_fops };

static int __init walk_init(void)
{
	if (request_irq(41, walk_irq, 0, "walk", NULL))
		return -EBUSY;
	return misc_register(&walk_misc);
}
module_init(walk_init);
