// negative: C-only: the writer fills the payload and puts smp_wmb() before the flag store under a test of a local that always holds 1 (as rcu_assign_pointer() tests its argument against NULL, a constant at -O0): the other branch never runs, so every path that runs orders the payload before the flag.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/atomic.h>

struct msg {
	int payload;
	int ready;
	struct work_struct work;
};

int compute(void);
void consume(int v);

static void msg_publish(struct work_struct *work)
{
	struct msg *m = container_of(work, struct msg, work);

	int strict = 1;

	m->payload = compute();
	if (strict == 1)
		smp_wmb();
	WRITE_ONCE(m->ready, 1);
}

static irqreturn_t msg_irq(int irq, void *data)
{
	struct msg *m = data;

	if (smp_load_acquire(&m->ready) == 1)
		consume(m->payload);
	return IRQ_HANDLED;
}

static int __init msg_init(void)
{
	struct msg *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	INIT_WORK(&m->work, msg_publish);
	schedule_work(&m->work);
	return request_irq(21, msg_irq, 0, "msg", m);
}
module_init(msg_init);
