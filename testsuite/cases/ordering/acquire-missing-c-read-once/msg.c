// missing-acquire: C-only: the writer publishes with smp_store_release, the reader checks the flag with READ_ONCE and no smp_rmb before reading the payload.
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

	m->payload = compute();
	smp_store_release(&m->ready, 1);
}

static irqreturn_t msg_irq(int irq, void *data)
{
	struct msg *m = data;

	if (READ_ONCE(m->ready) == 1) // expect: missing-acquire
		consume(m->payload);	/* no smp_rmb() in between */
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
