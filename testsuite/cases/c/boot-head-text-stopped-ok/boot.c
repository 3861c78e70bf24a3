// negative: boot code in .head.text (the kernel's __head, like __startup_64) runs on the boot CPU from head_64.S before anything else is started, so its writes of page_base race with nothing, not even with the ioctl that updates it later under a lock the boot code never takes.
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/export.h>
#include <linux/spinlock.h>

unsigned long page_base;
EXPORT_SYMBOL(page_base);

/* Called from assembly only: no caller in the input. */
void __attribute__((section(".head.text"))) early_fixup(unsigned long phys)
{
	page_base = phys + 0x1000;
}
EXPORT_SYMBOL(early_fixup);

static DEFINE_SPINLOCK(base_lock);

static long boot_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	spin_lock(&base_lock);
	if (cmd == 1)
		page_base = arg;
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
