// negative: C-only message passing; the reader tests the flag with a relaxed atomic_read() and then claims the message with atomic_xchg(), a value-returning RMW and so fully ordered under LKMM (smp_mb() on both sides): the payload read after it is ordered after the flag, as in the kernel's rcu_ftrace_dump() one-shot gate.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/atomic.h>

struct msg {
	int payload;
	atomic_t ready;
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

	if (atomic_read(&m->ready) != 1 || atomic_xchg(&m->ready, 2) != 1)
		return IRQ_NONE;
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
