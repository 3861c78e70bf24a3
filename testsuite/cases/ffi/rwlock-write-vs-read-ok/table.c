// negative: rwlock: the C writer takes it in write mode, the Rust readers in read mode.
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/fs.h>

struct table {
	rwlock_t lock;
	int entries;
};

struct table route_table;
static struct timer_list gc_timer;
ssize_t rs_table_read(struct file *f, char __user *buf, size_t len, loff_t *off);	/* Rust */

static void table_gc(struct timer_list *t)
{
	write_lock(&route_table.lock);
	route_table.entries--;
	write_unlock(&route_table.lock);
	mod_timer(&gc_timer, jiffies + 1000);
}

static const struct file_operations table_fops = { .owner = THIS_MODULE, .read = rs_table_read };
static struct miscdevice table_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "table", .fops = &table_fops };

static int __init table_init(void)
{
	rwlock_init(&route_table.lock);
	timer_setup(&gc_timer, table_gc, 0);
	mod_timer(&gc_timer, jiffies + 1000);
	return misc_register(&table_misc);
}
module_init(table_init);
