// negative: the IRQ handler calls `ops[slot].run(&buf_a)`, a member of an array element picked at run time; the member's type `void (*)(void *)` rules out `bump_b` (which takes `long *`), so bump_b's update of counter_b (under b_lock in the ioctl) is not reached from the IRQ.
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/fs.h>

struct op {
	void (*run)(void *arg);
};

static long buf_a[4];
static long counter_b;
static DEFINE_SPINLOCK(b_lock);

static noinline void run_a(void *arg)
{
	long *p = arg;

	WRITE_ONCE(p[0], 1);
}

static noinline void bump_b(long *p)
{
	counter_b += *p;
}

/* Untyped slots, as in a generic handler table: one class for both. */
static void *handlers[2] = { run_a, bump_b };
static struct op ops[2];
static unsigned int slot;

static irqreturn_t ops_irq(int irq, void *data)
{
	ops[READ_ONCE(slot) & 1].run(buf_a);
	return IRQ_HANDLED;
}

static long ops_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	static long one = 1;

	spin_lock(&b_lock);
	bump_b(&one);
	spin_unlock(&b_lock);
	return 0;
}

static const struct file_operations ops_fops = { .owner = THIS_MODULE, .unlocked_ioctl = ops_ioctl };
static struct miscdevice ops_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "ops", .fops = &ops_fops };

static int __init ops_init(void)
{
	unsigned int i;

	for (i = 0; i < 2; i++)
		ops[i].run = handlers[i];
	if (request_irq(42, ops_irq, 0, "ops", NULL))
		return -EBUSY;
	return misc_register(&ops_misc);
}
module_init(ops_init);
