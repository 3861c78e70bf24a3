// ffi-lock-mismatch: two global C spinlocks; the C timer takes lock_a, the Rust IRQ handler lock_b, around the same global.
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/interrupt.h>

DEFINE_SPINLOCK(lock_a);
DEFINE_SPINLOCK(lock_b);
int shared_val;
static struct timer_list gl_timer;
irqreturn_t rs_gl_irq(int irq, void *data);	/* Rust */

static void gl_timer_fn(struct timer_list *t)
{
	unsigned long flags;

	spin_lock_irqsave(&lock_a, flags);
	shared_val += 2; // expect: ffi-lock-mismatch
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
