// missing-acquire: as acquire-c-rmb-ok, but the reader puts smp_rmb() after the flag test only when a debug switch is on: on the other path nothing orders the payload read after the flag. A barrier counts only when every path from the flag load to the access passes it.
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
extern int msg_debug;
void consume(int v);

static void msg_publish(struct work_struct *work)
{
	struct msg *m = container_of(work, struct msg, work);

	m->payload = compute();
	smp_wmb();
	WRITE_ONCE(m->ready, 1);
}

static irqreturn_t msg_irq(int irq, void *data)
{
	struct msg *m = data;

	if (READ_ONCE(m->ready) != 1) // expect: missing-acquire
		return IRQ_NONE;
	if (msg_debug)
		smp_rmb();
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
