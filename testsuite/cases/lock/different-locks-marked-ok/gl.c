// negative: two different locks, but the shared counter is an atomic_t accessed with atomic ops on both sides: no race, so no mismatch.
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/interrupt.h>

DEFINE_SPINLOCK(lock_a);
DEFINE_SPINLOCK(lock_b);
#include <linux/atomic.h>
atomic_t shared_val;
static struct timer_list gl_timer;
irqreturn_t rs_gl_irq(int irq, void *data);	/* Rust */

static void gl_timer_fn(struct timer_list *t)
{
	unsigned long flags;

	spin_lock_irqsave(&lock_a, flags);
	atomic_add(2, &shared_val);
	spin_unlock_irqrestore(&lock_a, flags);
	mod_timer(&gl_timer, jiffies + 5);
}

static int __init gl_init(void)
{
	timer_setup(&gl_timer, gl_timer_fn, 0);
	mod_timer(&gl_timer, jiffies + 5);
	return request_irq(15, rs_gl_irq, 0, "gl", NULL);
}
module_init(gl_init);
