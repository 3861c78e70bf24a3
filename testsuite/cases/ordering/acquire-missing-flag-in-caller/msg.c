// missing-acquire: the payload is written and read in helpers; the flag is in their direct callers (the writer publishes with smp_store_release, the reader checks with READ_ONCE and no smp_rmb).
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

static noinline void fill(struct msg *m)
{
	m->payload = compute();
}

static noinline void use(struct msg *m)
{
	consume(m->payload);
}

static void msg_publish(struct work_struct *work)
{
	struct msg *m = container_of(work, struct msg, work);

	fill(m);
	smp_store_release(&m->ready, 1);
}

static irqreturn_t msg_irq(int irq, void *data)
{
	struct msg *m = data;

	if (READ_ONCE(m->ready) == 1) // expect: missing-acquire
		use(m);			/* no smp_rmb() in between */
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
