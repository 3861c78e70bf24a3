// ffi-lock-mismatch: C protects a child field with the parent's lock, Rust with the child's own lock; both lock, no lock in common.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct host;

struct chan {
	struct host *host;
	spinlock_t lock;	/* protects nothing the C side agrees on */
	int credits;
};

struct host {
	spinlock_t lock;	/* protects every chan's credits */
	struct chan ch[2];
};

static struct host *the_host;
int rs_chan_consume(struct chan *c);	/* Rust */

static irqreturn_t host_irq(int irq, void *data)
{
	struct host *h = data;
	int i = irq & 1;

	spin_lock(&h->lock);
	h->ch[i].credits++; // expect: ffi-lock-mismatch
	spin_unlock(&h->lock);
	return IRQ_HANDLED;
}

static ssize_t host_write(struct file *f, const char __user *buf, size_t len, loff_t *off)
{
	return rs_chan_consume(&the_host->ch[len & 1]);
}

static const struct file_operations host_fops = { .owner = THIS_MODULE, .write = host_write };
static struct miscdevice host_dev = { .minor = MISC_DYNAMIC_MINOR, .name = "host", .fops = &host_fops };

static int __init host_init(void)
{
	struct host *h = kzalloc(sizeof(*h), GFP_KERNEL);

	if (!h)
		return -ENOMEM;
	spin_lock_init(&h->lock);
	h->ch[0].host = h;
	h->ch[1].host = h;
	spin_lock_init(&h->ch[0].lock);
	spin_lock_init(&h->ch[1].lock);
	the_host = h;
	if (request_irq(20, host_irq, 0, "host", h))
		return -EBUSY;
	return misc_register(&host_dev);
}
module_init(host_init);
