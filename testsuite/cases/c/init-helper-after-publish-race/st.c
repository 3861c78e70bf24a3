// data-race: as init-helper-before-publish-ok, but open() publishes the state to its interrupt handler first and only then calls the init helper: the helper's write through its parameter races with the handler.
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

static noinline void st_queue_init(struct st_queue *q)
{
	st_node_init(&q->list);
	q->len = 0; // expect: data-race
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
	if (request_irq(40, st_irq, 0, "st", s))
		return -EBUSY;
	st_queue_init(&s->q);
	return 0;
}

static const struct file_operations st_fops = { .owner = THIS_MODULE, .open = st_open };
static struct miscdevice st_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "st", .fops = &st_fops };

static int __init st_init(void)
{
	return misc_register(&st_misc);
}
module_init(st_init);
