// negative: LSM hooks are static calls whose keys start NULL and are filled from one union of every hook type; the `file_free` hook's call has the type of member `file_free` of union security_list_options, so `b_task_free` (a `task_free` hook, taking `long *`) is not reached from the IRQ and its update of counter_b stays under b_lock.
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/fs.h>

struct static_call_key {
	void *func;
};

/* DEFINE_STATIC_CALL_NULL(lsm_static_call_<hook>_0, ...): keys start NULL. */
struct static_call_key __SCK__lsm_static_call_file_free_0 = { .func = NULL };
struct static_call_key __SCK__lsm_static_call_task_free_0 = { .func = NULL };
/* The trampolines are assembly the kernel patches. */
extern void __SCT__lsm_static_call_file_free_0(struct file *file);
extern void __SCT__lsm_static_call_task_free_0(long *task);

union security_list_options {
	void (*file_free)(struct file *file);
	void (*task_free)(long *task);
	void *lsm_func_addr;
};

struct lsm_static_call {
	struct static_call_key *key;
};

struct security_hook_list {
	struct lsm_static_call *scalls;
	union security_list_options hook;
};

static long counter_b;
static DEFINE_SPINLOCK(b_lock);

static noinline void a_file_free(struct file *file)
{
	WRITE_ONCE(file->private_data, NULL);
}

static noinline void b_task_free(long *task)
{
	counter_b += *task;
}

static struct lsm_static_call file_free_call = { &__SCK__lsm_static_call_file_free_0 };
static struct lsm_static_call task_free_call = { &__SCK__lsm_static_call_task_free_0 };

static struct security_hook_list a_hooks[] = {
	{ .scalls = &file_free_call, .hook.file_free = a_file_free },
};
static struct security_hook_list b_hooks[] = {
	{ .scalls = &task_free_call, .hook.task_free = b_task_free },
};

/* security_add_hooks(): one loop fills the keys of every LSM's hooks. */
noinline void security_add_hooks(struct security_hook_list *hooks, int count)
{
	int i;

	for (i = 0; i < count; i++)
		WRITE_ONCE(hooks[i].scalls->key->func, hooks[i].hook.lsm_func_addr);
}

static struct file irq_file;

static irqreturn_t lsm_irq(int irq, void *data)
{
	__SCT__lsm_static_call_file_free_0(&irq_file);
	return IRQ_HANDLED;
}

static long lsm_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	static long one = 1;

	spin_lock(&b_lock);
	__SCT__lsm_static_call_task_free_0(&one);
	spin_unlock(&b_lock);
	return 0;
}

static const struct file_operations lsm_fops = { .owner = THIS_MODULE, .unlocked_ioctl = lsm_ioctl };
static struct miscdevice lsm_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "lsm", .fops = &lsm_fops };

static int __init lsm_init(void)
{
	security_add_hooks(a_hooks, 1);
	security_add_hooks(b_hooks, 1);
	if (request_irq(42, lsm_irq, 0, "lsm", NULL))
		return -EBUSY;
	return misc_register(&lsm_misc);
}
module_init(lsm_init);
