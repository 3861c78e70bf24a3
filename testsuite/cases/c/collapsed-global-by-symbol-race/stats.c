// positive: `last_seen` holds both `&stats` and `&stats.hits`, so unification collapses `stats` into one field-insensitive object; the ioctl and the reset still write `stats.hits` by the global's own address, one exact location, the ioctl under `stats.lock` and the reset under nothing.
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
	stats.hits++; // expect: data-race
	spin_unlock(&stats.lock);
	return 0;
}

void stats_reset(void)
{
	stats.hits = 0; // expect: data-race
}
EXPORT_SYMBOL(stats_reset);

static const struct file_operations stats_fops = { .owner = THIS_MODULE, .unlocked_ioctl = stats_ioctl };
static struct miscdevice stats_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "stats", .fops = &stats_fops };

static int __init stats_init(void)
{
	return misc_register(&stats_misc);
}
module_init(stats_init);
