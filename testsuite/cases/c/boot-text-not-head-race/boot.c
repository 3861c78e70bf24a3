// positive: the same early fix-up in ordinary .text, with no caller in the input, is taken as an entry point that may run at any time: its unlocked write of page_base races with the ioctl's locked one.
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/export.h>
#include <linux/spinlock.h>

unsigned long page_base;
EXPORT_SYMBOL(page_base);

/* Called from assembly only: no caller in the input. */
void early_fixup(unsigned long phys)
{
	page_base = phys + 0x1000; // expect: data-race
}
EXPORT_SYMBOL(early_fixup);

static DEFINE_SPINLOCK(base_lock);

static long boot_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	spin_lock(&base_lock);
	if (cmd == 1)
		page_base = arg; // expect: data-race
	spin_unlock(&base_lock);
	return 0;
}

static const struct file_operations boot_fops = { .owner = THIS_MODULE, .unlocked_ioctl = boot_ioctl };
static struct miscdevice boot_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "boot", .fops = &boot_fops };

static int __init boot_init(void)
{
	return misc_register(&boot_misc);
}
module_init(boot_init);
