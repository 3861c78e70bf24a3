// negative: two static calls whose keys start NULL are filled by static_call_update(), both through one out-of-line update function; each key holds only the function stored in it, so the IRQ's `dev_read` call reaches dev_mem_read and never dev_cpu_online, and every update of counter holds dev_lock.
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/fs.h>
#include <linux/static_call.h>

static u32 dev_mem_read(u32 reg);
static int dev_cpu_online(unsigned int cpu);

DEFINE_STATIC_CALL_NULL(dev_read, dev_mem_read);
DEFINE_STATIC_CALL_NULL(dev_online, dev_cpu_online);

static long counter;
static DEFINE_SPINLOCK(dev_lock);
static u32 regs[16];

static noinline u32 dev_mem_read(u32 reg)
{
	return READ_ONCE(regs[reg & 15]);
}

/* Same shape as the reader: u32 in, 32 bits out. */
static noinline int dev_cpu_online(unsigned int cpu)
{
	counter++;
	return 0;
}

static irqreturn_t dev_irq(int irq, void *data)
{
	return static_call(dev_read)(3) ? IRQ_HANDLED : IRQ_NONE;
}

static long dev_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	spin_lock(&dev_lock);
	static_call(dev_online)(cmd);
	counter++;
	spin_unlock(&dev_lock);
	return 0;
}

static const struct file_operations dev_fops = { .owner = THIS_MODULE, .unlocked_ioctl = dev_ioctl };
static struct miscdevice dev_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "scdev", .fops = &dev_fops };

static int __init dev_init(void)
{
	static_call_update(dev_read, dev_mem_read);
	static_call_update(dev_online, dev_cpu_online);
	if (request_irq(42, dev_irq, 0, "scdev", NULL))
		return -EBUSY;
	return misc_register(&dev_misc);
}
module_init(dev_init);
