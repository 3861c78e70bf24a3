// negative: Rust read_volatile on ordinary kzalloc'd memory (a ring index C updates with WRITE_ONCE) is a marked access, not MMIO.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/timer.h>

struct ring {
	u32 head;
	struct timer_list timer;
};

irqreturn_t rs_ring_irq(int irq, void *data);	/* Rust */

static void ring_fill(struct timer_list *t)
{
	struct ring *r = from_timer(r, t, timer);

	WRITE_ONCE(r->head, r->head + 1);
	mod_timer(&r->timer, jiffies + 1);
}

static int __init ring_init(void)
{
	struct ring *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	timer_setup(&r->timer, ring_fill, 0);
	mod_timer(&r->timer, jiffies + 1);
	return request_irq(32, rs_ring_irq, 0, "ring", r);
}
module_init(ring_init);
