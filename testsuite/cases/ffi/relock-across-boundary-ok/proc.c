// negative: Rust holds the lock and calls C, which drops it around slow work and re-takes it before calling back into Rust to touch shared data (binder's pattern).
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

struct proc {
	spinlock_t lock;
	int pending;
	int flushed;
	struct work_struct work;
};

void rs_proc_work(struct work_struct *work);	/* Rust */
void hw_flush(void);
void rs_proc_account(struct proc *p);	/* Rust */

/* Called by Rust with p->lock held; drops it around the slow flush and
 * re-takes it before returning, like binder's proc->inner_lock dance. */
void proc_flush_locked(struct proc *p)
{
	spin_unlock(&p->lock);
	hw_flush();
	spin_lock(&p->lock);
	rs_proc_account(p);
}

static irqreturn_t proc_irq(int irq, void *data)
{
	struct proc *p = data;

	spin_lock(&p->lock);
	p->pending++;
	p->flushed = 0;
	spin_unlock(&p->lock);
	schedule_work(&p->work);
	return IRQ_HANDLED;
}

static int __init proc_init(void)
{
	struct proc *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	spin_lock_init(&p->lock);
	INIT_WORK(&p->work, rs_proc_work);
	return request_irq(3, proc_irq, 0, "proc", p);
}
module_init(proc_init);
