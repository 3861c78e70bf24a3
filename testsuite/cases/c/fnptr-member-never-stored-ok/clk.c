// negative: as the kernel's clocksource `mark_unstable` and `resume`
// members. `last_op` holds both a table and one of its members, so
// points-to collapses the ops tables into one object in which every member
// holds every function, and `hpet_resume` has `mark_unstable`'s prototype
// too. But `hpet_resume`'s address is only ever put in a `.resume` member
// (an initializer), and nothing copies a `.resume` elsewhere: the ioctl's
// call through `mark_unstable` cannot reach it, so its unlocked
// `hpet_resumes++` is not run by the ioctl, which runs on many CPUs at
// once (seam: member-typed targets).
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
	hpet_resumes++;
}

static void tsc_mark_unstable(struct clk_src *cs)
{
	WRITE_ONCE(cs->rating, 0);
}

static const struct clk_ops hpet_ops = { .resume = hpet_resume };
static const struct clk_ops tsc_ops = { .mark_unstable = tsc_mark_unstable };

static struct clk_src hpet_cs = { .ops = &hpet_ops };
static struct clk_src tsc_cs = { .ops = &tsc_ops };
static const void *last_op;

static noinline void clk_mark(struct clk_src *cs)
{
	if (cs->ops->mark_unstable)
		cs->ops->mark_unstable(cs);
}

static long clk_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct clk_src *cs = cmd ? &hpet_cs : &tsc_cs;

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
