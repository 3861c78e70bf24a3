// data-race: the allocating helper also stores the new state in a global before returning it, so the caller's later write races with ioctl() reading it through that global.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/fs.h>
#include <linux/atomic.h>

struct st {
	long count;
	int mode;
};

static struct st *cur;

static irqreturn_t st_irq(int irq, void *data)
{
	struct st *s = data;

	s->count++;
	return IRQ_HANDLED;
}

static noinline struct st *st_alloc(int mode)
{
	struct st *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	s->count = 0;
	s->mode = mode;
	smp_store_release(&cur, s);
	return s;
}

static int st_open(struct inode *i, struct file *f)
{
	struct st *s = st_alloc(1);

	if (!s)
		return -ENOMEM;
	s->mode = 3; // expect: data-race
	return request_irq(40, st_irq, 0, "st", s);
}

static long st_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct st *c = READ_ONCE(cur);

	return c ? c->mode : 0; // expect: data-race
}

static const struct file_operations st_fops = { .owner = THIS_MODULE, .open = st_open, .unlocked_ioctl = st_ioctl };
static struct miscdevice st_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "st", .fops = &st_fops };

static int __init st_init(void)
{
	return misc_register(&st_misc);
}
module_init(st_init);
