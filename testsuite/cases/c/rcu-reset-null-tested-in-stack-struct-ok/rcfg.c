// negative: RCU with a reset (`sched_reset_numa`'s shape): the updater publishes a new config with rcu_assign_pointer and later resets the pointer to NULL (a plain WRITE_ONCE: NULL publishes nothing); the reader copies rcu_dereference() into a member of a stack struct and tests that member before using it, so the NULL store is never the one it reads data after.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/fs.h>
#include <linux/interrupt.h>

struct rcfg {
	int rate;
};

struct rcfg_key {
	int irq;
	struct rcfg *cfg;
};

static struct rcfg __rcu *cur;
static DEFINE_MUTEX(update_lock);
void rcfg_use(struct rcfg_key *k);

static irqreturn_t rcfg_irq(int irq, void *data)
{
	struct rcfg_key k = { .irq = irq };

	rcu_read_lock();
	k.cfg = rcu_dereference(cur);
	if (!k.cfg)
		goto out;
	rcfg_use(&k);
	k.irq = k.cfg->rate;
out:
	rcu_read_unlock();
	return IRQ_HANDLED;
}

static ssize_t rcfg_write(struct file *f, const char __user *buf, size_t len, loff_t *off)
{
	struct rcfg *n = kzalloc(sizeof(*n), GFP_KERNEL), *old;

	if (!n)
		return -ENOMEM;
	n->rate = len;
	mutex_lock(&update_lock);
	old = rcu_dereference_protected(cur, 1);
	rcu_assign_pointer(cur, n);
	mutex_unlock(&update_lock);
	synchronize_rcu();
	kfree(old);
	return len;
}

static ssize_t rcfg_reset(struct file *f, char __user *buf, size_t len, loff_t *off)
{
	struct rcfg *old;

	mutex_lock(&update_lock);
	old = rcu_dereference_protected(cur, 1);
	rcu_assign_pointer(cur, NULL);
	mutex_unlock(&update_lock);
	synchronize_rcu();
	kfree(old);
	return len;
}

static const struct file_operations rcfg_fops = { .owner = THIS_MODULE, .write = rcfg_write, .read = rcfg_reset };
static struct miscdevice rcfg_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "rcfg", .fops = &rcfg_fops };

static int __init rcfg_init(void)
{
	if (request_irq(42, rcfg_irq, 0, "rcfg", NULL))
		return -EBUSY;
	return misc_register(&rcfg_misc);
}
module_init(rcfg_init);
