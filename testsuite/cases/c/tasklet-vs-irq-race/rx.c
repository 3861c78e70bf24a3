// data-race: the IRQ handler counts queued packets, the tasklet takes them, no lock.
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

	n = r->queued; // expect: data-race #take
	r->queued = 0; // expect: data-race #clear
	rx_deliver(n);
}

static irqreturn_t rx_irq(int irq, void *data)
{
	struct rx *r = data;

	r->queued++; // expect: data-race #take, data-race #clear
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
