// negative: Rust serialises its writers with the C struct's own spinlock, which the C reader also takes.
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct panel {
	spinlock_t lock;
	int mode;
	int gen;
};

struct panel the_panel;
ssize_t rs_panel_write(struct file *f, const char __user *buf, size_t len, loff_t *off);	/* Rust */
void panel_show(int mode, int gen);

static irqreturn_t panel_irq(int irq, void *data)
{
	int mode, gen;

	spin_lock(&the_panel.lock);
	mode = the_panel.mode;
	gen = the_panel.gen;
	spin_unlock(&the_panel.lock);
	panel_show(mode, gen);
	return IRQ_HANDLED;
}

static const struct file_operations panel_fops = { .owner = THIS_MODULE, .write = rs_panel_write };
static struct miscdevice panel_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "panel", .fops = &panel_fops };

static int __init panel_init(void)
{
	spin_lock_init(&the_panel.lock);
	if (request_irq(27, panel_irq, 0, "panel", NULL))
		return -EBUSY;
	return misc_register(&panel_misc);
}
module_init(panel_init);
