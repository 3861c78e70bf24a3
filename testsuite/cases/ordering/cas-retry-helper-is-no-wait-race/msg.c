// positive: as credit_init_bits(): both sides credit a counter through a helper that retries a compare-exchange until it succeeds, the writer after writing the payload, the reader before reading it. The helper waits for no other thread (its loop tests its own cmpxchg), so the reader checks no flag: no missing-acquire/-release to blame, and the payload is a plain data race.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/atomic.h>

struct msg {
	int payload;
	unsigned int credits;
	struct work_struct work;
};

int compute(void);
void consume(int v);

static noinline void credit(struct msg *m, unsigned int add)
{
	unsigned int orig = READ_ONCE(m->credits), new;

	do {
		new = orig + add;
	} while (!__atomic_compare_exchange_n(&m->credits, &orig, new, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED));
}

static void msg_publish(struct work_struct *work)
{
	struct msg *m = container_of(work, struct msg, work);

	m->payload = compute(); // expect: data-race
	credit(m, 1);
}

static irqreturn_t msg_irq(int irq, void *data)
{
	struct msg *m = data;

	credit(m, 2);
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
