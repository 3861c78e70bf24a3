// negative: IRQ handler and tasklet share the counter under the lock (tasklet with spin_lock_irq).
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>

struct rx {
	spinlock_t lock;
	int queued;
	struct tasklet_struct tasklet;
};

void rx_deliver(int n);

static void rx_tasklet(struct tasklet_struct *t)
{
	struct rx *r = from_tasklet(r, t, tasklet);
	int n;

	spin_lock_irq(&r->lock);
	n = r->queued;
	r->queued = 0;
	spin_unlock_irq(&r->lock);
	rx_deliver(n);
}

static irqreturn_t rx_irq(int irq, void *data)
{
	struct rx *r = data;

	spin_lock(&r->lock);
	r->queued++;
	spin_unlock(&r->lock);
	tasklet_schedule(&r->tasklet);
	return IRQ_HANDLED;
}

static int __init rx_init(void)
{
	struct rx *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	spin_lock_init(&r->lock);
	tasklet_setup(&r->tasklet, rx_tasklet);
	return request_irq(41, rx_irq, 0, "rx", r);
}
module_init(rx_init);
