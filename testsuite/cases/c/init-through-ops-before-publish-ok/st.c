// negative: open() allocates its state and fills the queue in through an ops table picked at load time (two versions, as NFS's decode_dirent per protocol version), writes the length again, and only then publishes the state to its interrupt handler with request_irq. Neither version keeps the pointer, so both the write through the table and the write after the call come before publication.
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

static noinline void st_init_v1(struct st_queue *q)
{
	q->len = 0;
	q->cap = 16;
}

static noinline void st_init_v2(struct st_queue *q)
{
	q->len = 0;
	q->cap = 64;
}

static const struct st_ops st_v1 = { .init = st_init_v1 };
static const struct st_ops st_v2 = { .init = st_init_v2 };
static const struct st_ops *st_ops;
int st_version = 1; /* set by a module parameter in a real driver */

static irqreturn_t st_irq(int irq, void *data)
{
	struct st *s = data;

	s->q.len++;
	return IRQ_HANDLED;
}

static int st_open(struct inode *i, struct file *f)
{
	struct st *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	st_ops->init(&s->q);
	s->q.len = 5;
	return request_irq(40, st_irq, 0, "st", s);
}

static const struct file_operations st_fops = { .owner = THIS_MODULE, .open = st_open };
static struct miscdevice st_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "st", .fops = &st_fops };

static int __init st_init(void)
{
	st_ops = st_version == 2 ? &st_v2 : &st_v1;
	return misc_register(&st_misc);
}
module_init(st_init);
