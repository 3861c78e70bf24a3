// ok: `early_setup` is __init and writes `boot_mode`; a runtime IRQ handler
// and an ioctl read it. Both ops instances go through one .text helper, so
// points-to gives the helper's indirect call both targets, but code in
// .text never runs .init.text code after boot (the kernel frees it), so
// the IRQ path does not reach the write.
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct plat_ops {
	void (*setup)(int);
};

static int boot_mode;
static int poke_count;

static void __init early_setup(int mode)
{
	boot_mode = mode;
}

static void runtime_poke(int mode)
{
	(void)mode;
}

static struct plat_ops init_ops = { .setup = early_setup };
static struct plat_ops run_ops = { .setup = runtime_poke };

static noinline void run_setup(struct plat_ops *ops, int mode)
{
	ops->setup(mode);
}

static irqreturn_t plat_irq(int irq, void *data)
{
	run_setup(&run_ops, READ_ONCE(poke_count));
	return boot_mode ? IRQ_HANDLED : IRQ_NONE;
}

static long plat_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	return boot_mode;
}

static const struct file_operations plat_fops = { .owner = THIS_MODULE, .unlocked_ioctl = plat_ioctl };
static struct miscdevice plat_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "plat", .fops = &plat_fops };

static int __init plat_init(void)
{
	run_setup(&init_ops, 2);
	if (request_irq(43, plat_irq, 0, "plat", NULL))
		return -EBUSY;
	return misc_register(&plat_misc);
}
module_init(plat_init);
