// rust-volatile-dependency: C publishes a new limits object with smp_store_release; Rust reads the pointer with read_volatile and dereferences it.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/fs.h>
#include <asm/barrier.h>

struct limits {
	long max_rate;
};

struct shaper {
	struct limits *lim;
	struct timer_list timer;
};

struct shaper the_shaper;
ssize_t rs_shaper_read(struct file *f, char __user *buf, size_t len, loff_t *off);	/* Rust */

static void shaper_retune(struct timer_list *t)
{
	struct limits *l = kzalloc(sizeof(*l), GFP_ATOMIC);

	if (l) {
		l->max_rate = 1000;
		smp_store_release(&the_shaper.lim, l);
	}
	mod_timer(&the_shaper.timer, jiffies + 100);
}

static const struct file_operations shaper_fops = { .owner = THIS_MODULE, .read = rs_shaper_read };
static struct miscdevice shaper_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "shaper", .fops = &shaper_fops };

static int __init shaper_init(void)
{
	timer_setup(&the_shaper.timer, shaper_retune, 0);
	mod_timer(&the_shaper.timer, jiffies + 100);
	return misc_register(&shaper_misc);
}
module_init(shaper_init);
