// negative: a Rust timer callback (softirq) reached by container_of; the C ioctl takes the lock with spin_lock_bh, the timer with spin_lock.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/fs.h>

struct beat {
	spinlock_t lock;
	long ticks;
	struct timer_list timer;
};

static struct beat *the_beat;
void rs_beat_timer(struct timer_list *t);	/* Rust */

static long beat_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct beat *b = the_beat;
	long n;

	spin_lock_bh(&b->lock);
	n = b->ticks;
	spin_unlock_bh(&b->lock);
	return n;
}

static const struct file_operations beat_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = beat_ioctl,
};

static struct miscdevice beat_dev = { .minor = MISC_DYNAMIC_MINOR, .name = "beat", .fops = &beat_fops };

static int __init beat_init(void)
{
	struct beat *b = kzalloc(sizeof(*b), GFP_KERNEL);

	if (!b)
		return -ENOMEM;
	spin_lock_init(&b->lock);
	timer_setup(&b->timer, rs_beat_timer, 0);
	the_beat = b;
	mod_timer(&b->timer, jiffies + 1);
	return misc_register(&beat_dev);
}
module_init(beat_init);
