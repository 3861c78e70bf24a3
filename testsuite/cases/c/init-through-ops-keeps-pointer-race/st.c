// data-race: as init-through-ops-before-publish-ok, but the second version of the init op keeps the queue in a global that read() follows instead of filling it in. Either version may run, so after the call the caller must assume the pointer was kept: the length open() writes after the call races with read(), and so does the interrupt handler's update. The first version's writes come before anything publishes the object, whichever version ran on earlier objects.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct st_queue {
	long len;
	long cap;
};

struct st {
	struct st_queue q;
	int mode;
};

struct st_ops {
	void (*init)(struct st_queue *q);
};

static struct st_queue *st_last;

static noinline void st_init_v1(struct st_queue *q)
{
	q->len = 0;
	q->cap = 16;
}

static noinline void st_init_v2(struct st_queue *q)
{
	WRITE_ONCE(st_last, q);
}

static const struct st_ops st_v1 = { .init = st_init_v1 };
static const struct st_ops st_v2 = { .init = st_init_v2 };
static const struct st_ops *st_ops;
int st_version = 1; /* set by a module parameter in a real driver */

static ssize_t st_read(struct file *f, char __user *buf, size_t n, loff_t *off)
{
	struct st_queue *q = READ_ONCE(st_last);

	return q ? q->len : 0; // expect: data-race
}

static irqreturn_t st_irq(int irq, void *data)
{
	struct st *s = data;

	s->q.len++; // expect: data-race
	return IRQ_HANDLED;
}

static int st_open(struct inode *i, struct file *f)
{
	struct st *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	st_ops->init(&s->q);
	s->q.len = 5; // expect: data-race
	return request_irq(40, st_irq, 0, "st", s);
}

static const struct file_operations st_fops = { .owner = THIS_MODULE, .open = st_open, .read = st_read };
static struct miscdevice st_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "st", .fops = &st_fops };

static int __init st_init(void)
{
	st_ops = st_version == 2 ? &st_v2 : &st_v1;
	return misc_register(&st_misc);
}
module_init(st_init);
