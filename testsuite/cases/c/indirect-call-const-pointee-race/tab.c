// positive: as indirect-call-const-pointee-ok, but the IRQ handler calls through a `void (*)(struct log *, const char *)` pointer, so its target is `log_show`: `shown` is bumped under tab_lock there and under b_lock in the ioctl. (`log_fill` is called once from init, so it is no entry point of its own.)
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/fs.h>

struct log {
	long len;
	char last;
};

static struct log log_a;
static long shown;
static DEFINE_SPINLOCK(tab_lock);
static DEFINE_SPINLOCK(b_lock);

static noinline void log_fill(struct log *l, char *buf)
{
	l->len++;
	buf[0] = l->last;
}

static noinline void log_show(struct log *l, const char *buf)
{
	shown++; // expect: data-race
}

/* Untyped slots, as in a generic handler table. */
static void *handlers[2] = { log_fill, log_show };
static unsigned int tab_slot;
static char irq_buf[8];

static irqreturn_t tab_irq(int irq, void *data)
{
	void (*fn)(struct log *, const char *) = handlers[READ_ONCE(tab_slot) & 1];

	spin_lock(&tab_lock);
	fn(&log_a, irq_buf);
	spin_unlock(&tab_lock);
	return IRQ_HANDLED;
}

static long tab_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	static const char msg[] = "x";

	spin_lock(&b_lock);
	log_show(&log_a, msg);
	spin_unlock(&b_lock);
	return 0;
}

static const struct file_operations tab_fops = { .owner = THIS_MODULE, .unlocked_ioctl = tab_ioctl };
static struct miscdevice tab_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "tab", .fops = &tab_fops };

static int __init tab_init(void)
{
	log_fill(&log_a, irq_buf);
	if (request_irq(42, tab_irq, 0, "tab", NULL))
		return -EBUSY;
	return misc_register(&tab_misc);
}
module_init(tab_init);
