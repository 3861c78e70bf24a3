// positive: both sides bump an atomic statistics counter next to a plain payload (`atomic_inc(&swap_users)` style), the writer after writing it, the reader before reading it. The reader's atomic_inc reads the counter but tests nothing, so it is no flag check: there is no message passing to blame (no missing-acquire/-release), and the payload is a plain data race.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/atomic.h>

struct msg {
	int payload;
	atomic_t users;
	struct work_struct work;
};

int compute(void);
void consume(int v);

static void msg_publish(struct work_struct *work)
{
	struct msg *m = container_of(work, struct msg, work);

	m->payload = compute(); // expect: data-race
	atomic_inc(&m->users);
}

static irqreturn_t msg_irq(int irq, void *data)
{
	struct msg *m = data;

	atomic_inc(&m->users);
	consume(m->payload); // expect: data-race
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
