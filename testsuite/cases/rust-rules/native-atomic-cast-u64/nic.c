// rust-native-atomic: a u64 counter in a C struct, read with READ_ONCE by the C ioctl; the Rust IRQ handler casts it to AtomicU64 and adds to it.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct nic {
	u64 rx_bytes;
};

static struct nic *the_nic;
irqreturn_t rs_nic_irq(int irq, void *data);	/* Rust */

static long nic_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	return READ_ONCE(the_nic->rx_bytes);
}

static const struct file_operations nic_fops = { .owner = THIS_MODULE, .unlocked_ioctl = nic_ioctl };
static struct miscdevice nic_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "nic", .fops = &nic_fops };

static int __init nic_init(void)
{
	struct nic *n = kzalloc(sizeof(*n), GFP_KERNEL);

	if (!n)
		return -ENOMEM;
	the_nic = n;
	if (request_irq(24, rs_nic_irq, 0, "nic", n))
		return -EBUSY;
	return misc_register(&nic_misc);
}
module_init(nic_init);
