// rust-volatile-dependency: C pushes list nodes with rcu_assign_pointer; the Rust reader loads the head with read_volatile and dereferences the node.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/rcupdate.h>
#include <linux/mutex.h>
#include <linux/fs.h>

struct node {
	struct node *next;
	int key;
};

struct head {
	struct mutex update_lock;
	struct node *first;
};

struct head registry;
int rs_registry_first_key(void);	/* Rust */

static ssize_t registry_write(struct file *f, const char __user *buf, size_t len, loff_t *off)
{
	struct node *n = kzalloc(sizeof(*n), GFP_KERNEL);

	if (!n)
		return -ENOMEM;
	n->key = len;
	mutex_lock(&registry.update_lock);
	n->next = registry.first;
	rcu_assign_pointer(registry.first, n);
	mutex_unlock(&registry.update_lock);
	return len;
}

static ssize_t registry_read(struct file *f, char __user *buf, size_t len, loff_t *off)
{
	return rs_registry_first_key();
}

static const struct file_operations registry_fops = { .owner = THIS_MODULE, .read = registry_read, .write = registry_write };
static struct miscdevice registry_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "registry", .fops = &registry_fops };

static int __init registry_init(void)
{
	mutex_init(&registry.update_lock);
	return misc_register(&registry_misc);
}
module_init(registry_init);
