// data-race: as init-helper-before-publish-ok, but the init helper also keeps the queue in a global that read() follows, so the length open() writes after the call races with read(), and so does the interrupt handler's update.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct st_node {
	struct st_node *next, *prev;
};

/* As the kernel's INIT_LIST_HEAD: a static inline, out of line in unoptimised code. */
static inline void st_node_init(struct st_node *n)
{
	WRITE_ONCE(n->next, n);
	WRITE_ONCE(n->prev, n);
}

struct st_queue {
	struct st_node list;
	long len;
};

struct st {
	struct st_queue q;
	int mode;
};

static struct st_queue *st_last;

static noinline void st_queue_init(struct st_queue *q)
{
	st_node_init(&q->list);
	WRITE_ONCE(st_last, q);
}

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
	st_queue_init(&s->q);
	s->q.len = 5; // expect: data-race
	return request_irq(40, st_irq, 0, "st", s);
}

static const struct file_operations st_fops = { .owner = THIS_MODULE, .open = st_open, .read = st_read };
static struct miscdevice st_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "st", .fops = &st_fops };

static int __init st_init(void)
{
	return misc_register(&st_misc);
}
module_init(st_init);
