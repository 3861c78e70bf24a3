// data-race: as init-recursive-helpers-before-publish-ok, but at the bottom of the recursion one helper keeps the state in a global that read() follows, so the count open() writes after the call races with read(), and so does the interrupt handler's update. What one member of a recursive SCC keeps, its callers in the SCC keep too.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct st {
	long level[8];
	long count;
};

static struct st *st_last;

static noinline void st_fill_odd(struct st *s, int n);

static noinline void st_fill_even(struct st *s, int n)
{
	if (n > 0)
		st_fill_odd(s, n - 1);
}

static noinline void st_fill_odd(struct st *s, int n)
{
	if (n > 0)
		st_fill_even(s, n - 1);
	else
		WRITE_ONCE(st_last, s);
}

static ssize_t st_read(struct file *f, char __user *buf, size_t n, loff_t *off)
{
	struct st *s = READ_ONCE(st_last);

	return s ? s->count : 0; // expect: data-race
}

static irqreturn_t st_irq(int irq, void *data)
{
	struct st *s = data;

	s->count++; // expect: data-race
	return IRQ_HANDLED;
}

static int st_open(struct inode *i, struct file *f)
{
	struct st *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	st_fill_even(s, 6);
	s->count = 0; // expect: data-race
	return request_irq(40, st_irq, 0, "st", s);
}

static const struct file_operations st_fops = { .owner = THIS_MODULE, .open = st_open, .read = st_read };
static struct miscdevice st_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "st", .fops = &st_fops };

static int __init st_init(void)
{
	return misc_register(&st_misc);
}
module_init(st_init);
