// negative: one table holds handlers for two different structs; the IRQ handler calls it with a `struct cnt_a *`, so `bump_b` (which takes `struct cnt_b *`) is no target and counter_b (under b_lock) stays apart from counter_a (under tab_lock).
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/fs.h>

struct cnt_a {
	long hits;
};

struct cnt_b {
	long hits;
};

static struct cnt_a counter_a;
static struct cnt_b counter_b;
static DEFINE_SPINLOCK(tab_lock);
static DEFINE_SPINLOCK(b_lock);

static noinline void bump_a(struct cnt_a *a)
{
	a->hits++;
}

static noinline void bump_b(struct cnt_b *b)
{
	b->hits++;
}

/* Untyped slots, as in a generic handler table. */
static void *handlers[2] = { bump_a, bump_b };
static unsigned int tab_slot;

static irqreturn_t tab_irq(int irq, void *data)
{
	void (*fn)(struct cnt_a *) = handlers[READ_ONCE(tab_slot) & 1];

	spin_lock(&tab_lock);
	fn(&counter_a);
	spin_unlock(&tab_lock);
	return IRQ_HANDLED;
}

static long tab_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	spin_lock(&b_lock);
	bump_b(&counter_b);
	spin_unlock(&b_lock);
	spin_lock(&tab_lock);
	bump_a(&counter_a);
	spin_unlock(&tab_lock);
	return 0;
}

static const struct file_operations tab_fops = { .owner = THIS_MODULE, .unlocked_ioctl = tab_ioctl };
static struct miscdevice tab_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "tab", .fops = &tab_fops };

static int __init tab_init(void)
{
	if (request_irq(42, tab_irq, 0, "tab", NULL))
		return -EBUSY;
	return misc_register(&tab_misc);
}
module_init(tab_init);
