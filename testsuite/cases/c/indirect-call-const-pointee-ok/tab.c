// negative: one untyped table holds a `char *` filler and a `const char *` viewer; the IRQ handler calls through a `void (*)(struct log *, char *)` pointer, which kCFI lets reach only `log_fill`. So `log_show`, and the `shown` counter it bumps, run only from the ioctl, under b_lock. Arity, pointer-ness and the struct are the same for both handlers: only the `const` on the pointee tells them apart.
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
	shown++;
}

/* Untyped slots, as in a generic handler table. */
static void *handlers[2] = { log_fill, log_show };
static unsigned int tab_slot;
static char irq_buf[8];

static irqreturn_t tab_irq(int irq, void *data)
{
	void (*fn)(struct log *, char *) = handlers[READ_ONCE(tab_slot) & 1];

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
	if (request_irq(42, tab_irq, 0, "tab", NULL))
		return -EBUSY;
	return misc_register(&tab_misc);
}
module_init(tab_init);
