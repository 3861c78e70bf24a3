// ffi-data-race: a Rust-owned object passed Rust->C as a call argument; the C callee writes it, a Rust IRQ handler reads it, no lock.
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

struct stats {
	spinlock_t lock;
	long total;
};

void rs_tick(struct work_struct *work);	/* Rust */
irqreturn_t rs_irq(int irq, void *data);	/* Rust */
static struct work_struct tick_work;

static int __init tick_init(void)
{
	INIT_WORK(&tick_work, rs_tick);
	schedule_work(&tick_work);
	return request_irq(11, rs_irq, 0, "tick", NULL);
}
module_init(tick_init);

void stats_record(struct stats *s, long v)
{
	s->total += v; // expect: ffi-data-race
}
