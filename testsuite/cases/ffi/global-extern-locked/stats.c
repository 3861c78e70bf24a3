// negative: a C global counter and its C global spinlock, both declared extern in Rust; both sides hold the lock.
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/spinlock.h>

DEFINE_SPINLOCK(stats_lock);
unsigned int stats_events;
static struct work_struct stats_work;

void rs_stats_work(struct work_struct *work);

static irqreturn_t stats_irq(int irq, void *data)
{
	spin_lock(&stats_lock);
	stats_events++;
	spin_unlock(&stats_lock);
	schedule_work(&stats_work);
	return IRQ_HANDLED;
}

static int __init stats_init(void)
{
	INIT_WORK(&stats_work, rs_stats_work);
	return request_irq(10, stats_irq, 0, "stats", NULL);
}
module_init(stats_init);
