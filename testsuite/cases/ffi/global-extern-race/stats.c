// ffi-data-race: a global defined in C and declared extern in Rust; the C IRQ handler writes it, the Rust work item reads it, no lock.
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

unsigned int stats_events;
static struct work_struct stats_work;

void rs_stats_work(struct work_struct *work);

static irqreturn_t stats_irq(int irq, void *data)
{
	stats_events++; // expect: ffi-data-race
	schedule_work(&stats_work);
	return IRQ_HANDLED;
}

static int __init stats_init(void)
{
	INIT_WORK(&stats_work, rs_stats_work);
	return request_irq(10, stats_irq, 0, "stats", NULL);
}
module_init(stats_init);
