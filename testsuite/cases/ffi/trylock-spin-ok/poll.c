// negative: spin_trylock returns 1 when acquired; the C timer touches the counter only on that path, the Rust work item under spin_lock.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

struct poller {
	spinlock_t lock;
	int count;
	struct timer_list timer;
	struct work_struct work;
};

void rs_poller_work(struct work_struct *work);	/* Rust */

static void poller_timer(struct timer_list *t)
{
	struct poller *p = from_timer(p, t, timer);

	if (!spin_trylock(&p->lock)) {
		mod_timer(&p->timer, jiffies + 1);
		return;
	}
	p->count++;
	spin_unlock(&p->lock);
	schedule_work(&p->work);
	mod_timer(&p->timer, jiffies + 10);
}

static int __init poller_init(void)
{
	struct poller *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	spin_lock_init(&p->lock);
	INIT_WORK(&p->work, rs_poller_work);
	timer_setup(&p->timer, poller_timer, 0);
	mod_timer(&p->timer, jiffies + 10);
	return 0;
}
module_init(poller_init);
