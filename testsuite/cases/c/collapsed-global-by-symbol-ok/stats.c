// negative: `stats` is collapsed into one field-insensitive object as in the -race twin, but the reset takes `stats.lock` too: both writes of `stats.hits` by the global's address hold the same lock.
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/export.h>
#include <linux/spinlock.h>

struct hit_stats {
	long misses;
	long hits;
	spinlock_t lock;
};

static struct hit_stats stats = { .lock = __SPIN_LOCK_UNLOCKED(stats.lock) };
static void *last_seen;

static long stats_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	spin_lock(&stats.lock);
	last_seen = cmd ? (void *)&stats : (void *)&stats.hits;
	stats.hits++;
	spin_unlock(&stats.lock);
	return 0;
}

void stats_reset(void)
{
	spin_lock(&stats.lock);
	stats.hits = 0;
	spin_unlock(&stats.lock);
}
EXPORT_SYMBOL(stats_reset);

static const struct file_operations stats_fops = { .owner = THIS_MODULE, .unlocked_ioctl = stats_ioctl };
static struct miscdevice stats_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "stats", .fops = &stats_fops };

static int __init stats_init(void)
{
	return misc_register(&stats_misc);
}
module_init(stats_init);
