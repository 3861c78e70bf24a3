// positive: the writer sets a flag after writing the payload, and the reader tests the flag, but reads the payload whether or not it was set (only a statistic depends on the flag, as with a once-only or ratelimit flag). The flag decides nothing about the read, so there is no message passing to blame (no missing-acquire/-release): the payload is a plain data race.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/atomic.h>

struct msg {
	int payload;
	int seen;
	struct work_struct work;
};

int compute(void);
void consume(int v);
static unsigned long seen_count;

static void msg_publish(struct work_struct *work)
{
	struct msg *m = container_of(work, struct msg, work);

	m->payload = compute(); // expect: data-race
	WRITE_ONCE(m->seen, 1);
}

static irqreturn_t msg_irq(int irq, void *data)
{
	struct msg *m = data;

	if (READ_ONCE(m->seen))
		seen_count++;
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
