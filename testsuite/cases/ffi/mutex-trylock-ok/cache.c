// negative: mutex_trylock returns 1 when acquired; the Rust side touches the data only when it returned 1, the C side under mutex_lock.
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/fs.h>
#include <linux/workqueue.h>

struct cache {
	struct mutex m;
	long hits;
};

struct cache the_cache;
static struct work_struct flush_work_item;
void rs_cache_flush(struct work_struct *work);	/* Rust */

static ssize_t cache_read(struct file *f, char __user *buf, size_t len, loff_t *off)
{
	mutex_lock(&the_cache.m);
	the_cache.hits++;
	mutex_unlock(&the_cache.m);
	schedule_work(&flush_work_item);
	return 0;
}

static const struct file_operations cache_fops = { .owner = THIS_MODULE, .read = cache_read };
static struct miscdevice cache_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "cache", .fops = &cache_fops };

static int __init cache_init(void)
{
	mutex_init(&the_cache.m);
	INIT_WORK(&flush_work_item, rs_cache_flush);
	return misc_register(&cache_misc);
}
module_init(cache_init);
