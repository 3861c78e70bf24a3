// data-race: the write op updates under down_read, which does not exclude itself or the readers.
#include <linux/module.h>
#include <linux/rwsem.h>
#include <linux/fs.h>

static struct rw_semaphore tbl_sem;
static int tbl_size;

static ssize_t tbl_read(struct file *f, char __user *buf, size_t len, loff_t *off)
{
	int n;

	down_read(&tbl_sem);
	n = tbl_size; // expect: data-race #rw
	up_read(&tbl_sem);
	return n;
}

static ssize_t tbl_write(struct file *f, const char __user *buf, size_t len, loff_t *off)
{
	down_read(&tbl_sem);
	tbl_size = len; // expect: data-race #rw, data-race #ww
	up_read(&tbl_sem);
	return len;
}

static const struct file_operations tbl_fops = { .owner = THIS_MODULE, .read = tbl_read, .write = tbl_write };
static struct miscdevice tbl_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "tbl", .fops = &tbl_fops };

static int __init tbl_init(void)
{
	init_rwsem(&tbl_sem);
	return misc_register(&tbl_misc);
}
module_init(tbl_init);
