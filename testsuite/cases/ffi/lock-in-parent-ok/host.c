// negative: the lock lives in the parent struct, the data in an embedded child; Rust reaches the parent through the child's back pointer and takes the same lock.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct host;

struct chan {
	struct host *host;
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
	h->ch[i].credits++;
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
	the_host = h;
	if (request_irq(20, host_irq, 0, "host", h))
		return -EBUSY;
	return misc_register(&host_dev);
}
module_init(host_init);
