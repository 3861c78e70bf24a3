// data-race: a timer (softirq) writes a flag a work item (process context) reads, no lock; both found via container_of/from_timer.
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

	l->up = !l->up; // expect: data-race
	schedule_work(&l->work);
	mod_timer(&l->timer, jiffies + 100);
}

static void link_work(struct work_struct *work)
{
	struct link *l = container_of(work, struct link, work);

	link_notify(l->up); // expect: data-race
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
