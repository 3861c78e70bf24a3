// negative: a Rust callback in a C file_operations table takes the same C mutex as the C write op.
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/fs.h>
#include <linux/uaccess.h>

struct counter_state {
	struct mutex lock;
	long reads;
	long writes;
};

struct counter_state cstate;

ssize_t rs_counter_read(struct file *f, char __user *buf, size_t len, loff_t *off);	/* Rust */

static ssize_t counter_write(struct file *f, const char __user *buf, size_t len, loff_t *off)
{
	mutex_lock(&cstate.lock);
	cstate.writes += len;
	mutex_unlock(&cstate.lock);
	return len;
}

static const struct file_operations counter_fops = {
	.owner = THIS_MODULE,
	.read = rs_counter_read,
	.write = counter_write,
};

static struct miscdevice counter_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "counter",
	.fops = &counter_fops,
};

static int __init counter_init(void)
{
	mutex_init(&cstate.lock);
	return misc_register(&counter_dev);
}
module_init(counter_init);
