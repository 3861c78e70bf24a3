// missing-acquire: as acquire-c-xchg-after-read-ok, but between the relaxed flag test and the payload read the reader only counts the message with atomic_inc(), an RMW that returns nothing and so orders nothing under LKMM (x86's `lock incl` does in hardware, arm64's LL/SC loop without `dmb ish` does not): the payload read is not ordered after the flag.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/atomic.h>

struct msg {
	int payload;
	atomic_t ready;
	atomic_t seen;
	struct work_struct work;
};

int compute(void);
void consume(int v);

static void msg_publish(struct work_struct *work)
{
	struct msg *m = container_of(work, struct msg, work);

	m->payload = compute();
	smp_wmb();
	atomic_set(&m->ready, 1);
}

static irqreturn_t msg_irq(int irq, void *data)
{
	struct msg *m = data;

	if (atomic_read(&m->ready) != 1) // expect: missing-acquire
		return IRQ_NONE;
	atomic_inc(&m->seen);
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
