// positive: the same tables, but a third one puts `hpet_resume` in its
// `.mark_unstable` member too, so the ioctl's call through `mark_unstable`
// may run it, and its unlocked `hpet_resumes++` races with itself (the
// ioctl runs on many CPUs at once).
#include <linux/module.h>
#include <linux/fs.h>

struct clk_src;

struct clk_ops {
	void (*resume)(struct clk_src *cs);
	void (*mark_unstable)(struct clk_src *cs);
};

struct clk_src {
	const struct clk_ops *ops;
	int rating;
};

static unsigned long hpet_resumes;

static void hpet_resume(struct clk_src *cs)
{
	hpet_resumes++; // expect: data-race
}

static void tsc_mark_unstable(struct clk_src *cs)
{
	WRITE_ONCE(cs->rating, 0);
}

static const struct clk_ops hpet_ops = { .resume = hpet_resume };
static const struct clk_ops tsc_ops = { .mark_unstable = tsc_mark_unstable };
static const struct clk_ops early_ops = { .mark_unstable = hpet_resume };

static struct clk_src hpet_cs = { .ops = &hpet_ops };
static struct clk_src tsc_cs = { .ops = &tsc_ops };
static struct clk_src early_cs = { .ops = &early_ops };
static const void *last_op;

static noinline void clk_mark(struct clk_src *cs)
{
	if (cs->ops->mark_unstable)
		cs->ops->mark_unstable(cs);
}

static long clk_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct clk_src *cs = cmd == 1 ? &hpet_cs : cmd == 2 ? &early_cs : &tsc_cs;

	WRITE_ONCE(last_op, arg ? (const void *)cs->ops : (const void *)&cs->ops->mark_unstable);
	clk_mark(cs);
	return 0;
}

static const struct file_operations clk_fops = { .owner = THIS_MODULE, .unlocked_ioctl = clk_ioctl };
static struct miscdevice clk_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "clk", .fops = &clk_fops };

static int __init clk_init(void)
{
	hpet_cs.ops->resume(&hpet_cs);
	return misc_register(&clk_misc);
}
module_init(clk_init);
