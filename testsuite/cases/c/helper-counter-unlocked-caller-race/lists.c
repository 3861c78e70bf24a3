// data-race: the two lists of list-helper-two-lists-ok stay apart, but a
// second helper, `stats_add`, is called on `pending_stats` under
// `pending_lock` by `producer` and `refill`, and without it by `consumer`.
// Judging helpers per call site must keep this race (reported inside the
// helper) while it keeps the lists apart.
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/workqueue.h>
#include <linux/slab.h>

struct stats {
	long total;
	long events;
};

static struct stats pending_stats, done_stats;

static inline void stats_add(struct stats *s, long v)
{
	s->total += v; // expect: data-race
	s->events++; // expect: data-race
}

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
	stats_add(&pending_stats, 1);
	spin_unlock(&pending_lock);
}

static void consumer(struct work_struct *w)
{
	struct job *j = kzalloc(sizeof(*j), GFP_KERNEL);

	if (!j)
		return;
	list_add_tail(&j->node, &done);
	stats_add(&done_stats, 1);
	stats_add(&pending_stats, -1);
}

static void refill(struct work_struct *w)
{
	struct job *j = kzalloc(sizeof(*j), GFP_KERNEL);

	if (!j)
		return;
	spin_lock(&pending_lock);
	list_add_tail(&j->node, &pending);
	stats_add(&pending_stats, 1);
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
