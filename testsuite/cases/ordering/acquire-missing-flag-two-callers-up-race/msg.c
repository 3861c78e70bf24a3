// data-race: the flag is two calls above the payload accesses, too far for seam to blame it (its READ_ONCE lacks acquire); the unordered payload pair is reported as a plain data race instead.
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
	m->payload = compute(); // expect: data-race
}

static noinline void fill_all(struct msg *m)
{
	fill(m);
}

static noinline void use(struct msg *m)
{
	consume(m->payload); // expect: data-race
}

static noinline void use_all(struct msg *m)
{
	use(m);
}

static void msg_publish(struct work_struct *work)
{
	struct msg *m = container_of(work, struct msg, work);

	fill_all(m);
	smp_store_release(&m->ready, 1);
}

static irqreturn_t msg_irq(int irq, void *data)
{
	struct msg *m = data;

	if (READ_ONCE(m->ready) == 1)
		use_all(m);
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
