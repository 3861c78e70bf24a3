// negative: timer and work item share a flag under the lock; the work item uses spin_lock_bh against the softirq timer.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

struct link {
	spinlock_t lock;
	int up;
	struct timer_list timer;
	struct work_struct work;
};

void link_notify(int up);

static void link_timer(struct timer_list *t)
{
	struct link *l = from_timer(l, t, timer);

	spin_lock(&l->lock);
	l->up = !l->up;
	spin_unlock(&l->lock);
	schedule_work(&l->work);
	mod_timer(&l->timer, jiffies + 100);
}

static void link_work(struct work_struct *work)
{
	struct link *l = container_of(work, struct link, work);

	int up;

	spin_lock_bh(&l->lock);
	up = l->up;
	spin_unlock_bh(&l->lock);
	link_notify(up);
}

static int __init link_init(void)
{
	struct link *l = kzalloc(sizeof(*l), GFP_KERNEL);

	if (!l)
		return -ENOMEM;
	spin_lock_init(&l->lock);
	l->up = 1;
	timer_setup(&l->timer, link_timer, 0);
	INIT_WORK(&l->work, link_work);
	mod_timer(&l->timer, jiffies + 100);
	return 0;
}
module_init(link_init);
