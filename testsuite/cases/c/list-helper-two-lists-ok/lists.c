// ok: two lists built with the same `static inline` list helpers, as every
// kernel file gets them from <linux/list.h>. `pending` is only touched under
// `pending_lock`; `done` only by the one work item that owns it. The
// helpers' parameters see both lists, but each call site passes one list:
// the accesses inside `__list_add` are judged per call site, so the
// locked list and the owned list are not taken for one object.
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/workqueue.h>
#include <linux/slab.h>

struct job {
	struct list_head node;
	int id;
};

static LIST_HEAD(pending);
static LIST_HEAD(done);
static DEFINE_SPINLOCK(pending_lock);

static void producer(struct work_struct *w)
{
	struct job *j = kzalloc(sizeof(*j), GFP_KERNEL);

	if (!j)
		return;
	spin_lock(&pending_lock);
	list_add_tail(&j->node, &pending);
	spin_unlock(&pending_lock);
}

static void consumer(struct work_struct *w)
{
	struct job *j = kzalloc(sizeof(*j), GFP_KERNEL);

	if (!j)
		return;
	list_add_tail(&j->node, &done);
}

static void refill(struct work_struct *w)
{
	struct job *j = kzalloc(sizeof(*j), GFP_KERNEL);

	if (!j)
		return;
	spin_lock(&pending_lock);
	list_add_tail(&j->node, &pending);
	spin_unlock(&pending_lock);
}

static struct work_struct produce_work, consume_work, refill_work;

static int __init lists_init(void)
{
	INIT_WORK(&produce_work, producer);
	INIT_WORK(&consume_work, consumer);
	INIT_WORK(&refill_work, refill);
	schedule_work(&produce_work);
	schedule_work(&consume_work);
	schedule_work(&refill_work);
	return 0;
}
module_init(lists_init);
