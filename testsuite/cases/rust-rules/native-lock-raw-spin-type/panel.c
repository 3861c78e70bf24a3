// rust-native-lock: Rust wraps a hand-rolled spinlock in a type with an RAII guard and uses it to serialise writers of C-shared fields.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct panel {
	int mode;
	int gen;
};

struct panel the_panel;
ssize_t rs_panel_write(struct file *f, const char __user *buf, size_t len, loff_t *off);	/* Rust */
void panel_show(int mode, int gen);

static irqreturn_t panel_irq(int irq, void *data)
{
	panel_show(READ_ONCE(the_panel.mode), READ_ONCE(the_panel.gen));
	return IRQ_HANDLED;
}

static const struct file_operations panel_fops = { .owner = THIS_MODULE, .write = rs_panel_write };
static struct miscdevice panel_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "panel", .fops = &panel_fops };

static int __init panel_init(void)
{
	if (request_irq(27, panel_irq, 0, "panel", NULL))
		return -EBUSY;
	return misc_register(&panel_misc);
}
module_init(panel_init);
