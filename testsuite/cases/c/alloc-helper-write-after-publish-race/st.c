// data-race: as alloc-helper-fill-before-publish-ok, but open() writes the count after request_irq published the state to the handler.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct st {
	long count;
	int mode;
};

static irqreturn_t st_irq(int irq, void *data)
{
	struct st *s = data;

	s->count++; // expect: data-race
	s->mode = 2;
	return IRQ_HANDLED;
}

static noinline struct st *st_alloc(int mode)
{
	struct st *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	s->count = 0;
	s->mode = mode;
	return s;
}

static int st_open(struct inode *i, struct file *f)
{
	struct st *s = st_alloc(1);

	if (!s)
		return -ENOMEM;
	if (request_irq(40, st_irq, 0, "st", s))
		return -EBUSY;
	s->count = 5; // expect: data-race
	return 0;
}

static const struct file_operations st_fops = { .owner = THIS_MODULE, .open = st_open };
static struct miscdevice st_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "st", .fops = &st_fops };

static int __init st_init(void)
{
	return misc_register(&st_misc);
}
module_init(st_init);
