// negative: mixed-size marked accesses: C updates a u64 with WRITE_ONCE, Rust reads its low 32 bits with read_volatile; two marked accesses never race.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/fs.h>

struct clk {
	u64 cycles;
	struct timer_list timer;
};

static struct clk *the_clk;
u32 rs_clk_low(struct clk *c);	/* Rust */

static void clk_tick(struct timer_list *t)
{
	struct clk *c = from_timer(c, t, timer);

	WRITE_ONCE(c->cycles, c->cycles + 1000);
	mod_timer(&c->timer, jiffies + 1);
}

static ssize_t clk_read(struct file *f, char __user *buf, size_t len, loff_t *off)
{
	return rs_clk_low(the_clk);
}

static const struct file_operations clk_fops = { .owner = THIS_MODULE, .read = clk_read };
static struct miscdevice clk_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "clk", .fops = &clk_fops };

static int __init clk_init(void)
{
	struct clk *c = kzalloc(sizeof(*c), GFP_KERNEL);

	if (!c)
		return -ENOMEM;
	timer_setup(&c->timer, clk_tick, 0);
	the_clk = c;
	mod_timer(&c->timer, jiffies + 1);
	return misc_register(&clk_misc);
}
module_init(clk_init);
