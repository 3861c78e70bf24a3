// ffi-data-race: mutex_lock_interruptible returns 0 when acquired; the C kthread writes on the failure (non-zero) path, i.e. without the mutex the Rust reader holds.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/kthread.h>
#include <linux/workqueue.h>

enum { STATE_IDLE, STATE_RUN, STATE_ABORT };

struct ctl {
	struct mutex m;
	int state;
	struct work_struct poll_work;
};

void rs_ctl_poll(struct work_struct *work);	/* Rust */

static int ctl_thread(void *data)
{
	struct ctl *c = data;

	while (!kthread_should_stop()) {
		if (mutex_lock_interruptible(&c->m)) {
			c->state = STATE_ABORT; // expect: ffi-data-race
			continue;
		}
		c->state = STATE_RUN;
		mutex_unlock(&c->m);
		schedule_work(&c->poll_work);
		msleep(100);
	}
	return 0;
}

static int __init ctl_init(void)
{
	struct ctl *c = kzalloc(sizeof(*c), GFP_KERNEL);

	if (!c)
		return -ENOMEM;
	mutex_init(&c->m);
	INIT_WORK(&c->poll_work, rs_ctl_poll);
	kthread_run(ctl_thread, c, "ctl");
	return 0;
}
module_init(ctl_init);
