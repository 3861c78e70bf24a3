// ffi-data-race: the Rust ioctl dispatches through a trait object (vtable call); one implementation reads a counter the C IRQ handler writes, no lock.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct port {
	spinlock_t lock;
	long rx_bytes;
	long tx_bytes;
};

static struct port *the_port;
long rs_port_ioctl(struct port *p, unsigned int cmd);	/* Rust */

static irqreturn_t port_irq(int irq, void *data)
{
	struct port *p = data;

	p->rx_bytes += 64; // expect: ffi-data-race
	return IRQ_HANDLED;
}

static long port_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	return rs_port_ioctl(the_port, cmd);
}

static const struct file_operations port_fops = { .owner = THIS_MODULE, .unlocked_ioctl = port_ioctl };
static struct miscdevice port_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "port", .fops = &port_fops };

static int __init port_init(void)
{
	struct port *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	spin_lock_init(&p->lock);
	the_port = p;
	if (request_irq(5, port_irq, 0, "port", p))
		return -EBUSY;
	return misc_register(&port_misc);
}
module_init(port_init);
