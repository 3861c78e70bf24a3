// negative: C publishes with atomic_set_release; the Rust reader loads the flag with Atomic::load(Acquire).
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
	atomic_set_release(&m->ready, 1);
}

irqreturn_t rs_msg_irq(int irq, void *data);	/* Rust */

static int __init msg_init(void)
{
	struct msg *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	INIT_WORK(&m->work, msg_publish);
	schedule_work(&m->work);
	return request_irq(21, rs_msg_irq, 0, "msg", m);
}
module_init(msg_init);
