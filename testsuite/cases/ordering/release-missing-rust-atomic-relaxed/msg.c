// missing-release: the Rust writer fills the payload and sets the flag with Atomic::store(Relaxed); the C reader uses atomic_read_acquire.
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
void rs_msg_publish(struct work_struct *work);	/* Rust */

static irqreturn_t msg_irq(int irq, void *data)
{
	struct msg *m = data;

	if (atomic_read_acquire(&m->ready) == 1)
		consume(m->payload);
	return IRQ_HANDLED;
}

static int __init msg_init(void)
{
	struct msg *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	INIT_WORK(&m->work, rs_msg_publish);
	schedule_work(&m->work);
	return request_irq(21, msg_irq, 0, "msg", m);
}
module_init(msg_init);
