// negative: init-time write in __init before the timer and work are armed; afterwards both only read.
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

	link_notify(l->up);
	schedule_work(&l->work);
	mod_timer(&l->timer, jiffies + 100);
}

static void link_work(struct work_struct *work)
{
	struct link *l = container_of(work, struct link, work);

	link_notify(l->up);
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
