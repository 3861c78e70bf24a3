// negative: the C side wraps MMIO in readl/writel accessors and Rust calls those; Rust never touches the mapping itself.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/interrupt.h>
#include <linux/fs.h>
#include <linux/kthread.h>

#define REG_STATUS 0x00
#define REG_CTRL 0x04

struct hw {
	void __iomem *regs;
	u32 last;
};

struct hw *the_hw;	/* shared with Rust */
irqreturn_t rs_hw_irq(int irq, void *data);	/* Rust */
ssize_t rs_hw_write(struct file *f, const char __user *buf, size_t len, loff_t *off);	/* Rust */
int rs_hw_poll(void *data);	/* Rust */

u32 hw_status(struct hw *h)
{
	return readl(h->regs + REG_STATUS);
}

void hw_ctrl(struct hw *h, u32 v)
{
	writel(v, h->regs + REG_CTRL);
}
static const struct file_operations hw_fops = { .owner = THIS_MODULE, .write = rs_hw_write };
static struct miscdevice hw_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "hw", .fops = &hw_fops };

static int __init hw_init(void)
{
	struct hw *h = kzalloc(sizeof(*h), GFP_KERNEL);

	if (!h)
		return -ENOMEM;
	h->regs = ioremap(0xfe000000, 0x1000);
	if (!h->regs)
		return -ENOMEM;
	the_hw = h;
	kthread_run(rs_hw_poll, h, "hw-poll");
	if (request_irq(29, rs_hw_irq, 0, "hw", h))
		return -EBUSY;
	return misc_register(&hw_misc);
}
module_init(hw_init);
