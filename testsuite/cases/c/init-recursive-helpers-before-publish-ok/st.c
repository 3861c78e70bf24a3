// negative: open() allocates its state and fills its levels in with two helpers that call each other (a recursive SCC, as the kernel's largest joins tens of thousands of functions), writes the count again, and only then publishes the state to its interrupt handler with request_irq. Neither helper keeps the pointer, so every write comes before publication.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct st {
	long level[8];
	long count;
};

static noinline void st_fill_odd(struct st *s, int n);

static noinline void st_fill_even(struct st *s, int n)
{
	s->level[n & 7] = n;
	s->count++;
	if (n > 0)
		st_fill_odd(s, n - 1);
}

static noinline void st_fill_odd(struct st *s, int n)
{
	s->level[n & 7] = -n;
	if (n > 0)
		st_fill_even(s, n - 1);
}

static irqreturn_t st_irq(int irq, void *data)
{
	struct st *s = data;

	s->count++;
	return IRQ_HANDLED;
}

static int st_open(struct inode *i, struct file *f)
{
	struct st *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	st_fill_even(s, 6);
	s->count = 0;
	return request_irq(40, st_irq, 0, "st", s);
}

static const struct file_operations st_fops = { .owner = THIS_MODULE, .open = st_open };
static struct miscdevice st_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "st", .fops = &st_fops };

static int __init st_init(void)
{
	return misc_register(&st_misc);
}
module_init(st_init);
