// negative: a C object handed to a Rust kthread; the shared field is an atomic_t, accessed with atomic_read in C and kernel::sync::atomic in Rust.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/kthread.h>
#include <linux/timer.h>
#include <linux/atomic.h>

struct pump {
	atomic_t progress;
	struct timer_list timer;
};

int rs_pump_thread(void *data);	/* Rust */
void pump_report(int v);

static void pump_timer(struct timer_list *t)
{
	struct pump *p = from_timer(p, t, timer);

	if (atomic_read(&p->progress) >= 100)
		pump_report(atomic_read(&p->progress));
	mod_timer(&p->timer, jiffies + 100);
}

static int __init pump_init(void)
{
	struct pump *p = kzalloc(sizeof(*p), GFP_KERNEL);
	struct task_struct *task;

	if (!p)
		return -ENOMEM;
	timer_setup(&p->timer, pump_timer, 0);
	task = kthread_run(rs_pump_thread, p, "pump");
	if (IS_ERR(task))
		return PTR_ERR(task);
	mod_timer(&p->timer, jiffies + 100);
	return 0;
}
module_init(pump_init);
