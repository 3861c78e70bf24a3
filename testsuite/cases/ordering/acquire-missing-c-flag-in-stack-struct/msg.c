// missing-acquire: as acquire-missing-c-read-once, but the reader keeps the flag it read with READ_ONCE in a member of a stack struct and tests that member (following the member must not hide the missing ordering).
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
void note_seen(void *k);

struct seen {
	int irq;
	int ready;
};

static void msg_publish(struct work_struct *work)
{
	struct msg *m = container_of(work, struct msg, work);

	m->payload = compute();
	smp_store_release(&m->ready, 1);
}

static irqreturn_t msg_irq(int irq, void *data)
{
	struct msg *m = data;
	struct seen k = { .irq = irq };

	k.ready = READ_ONCE(m->ready); // expect: missing-acquire
	if (k.ready == 1)
		consume(m->payload);	/* no smp_rmb() in between */
	note_seen(&k);
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
