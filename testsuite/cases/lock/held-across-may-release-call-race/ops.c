// data-race: as held-across-may-release-call-ok, but the work bumps the
// counter after its unlock.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/interrupt.h>

struct stepper;

struct stepper_ops {
	void (*step)(struct stepper *s);
};

struct stepper {
	spinlock_t lock;
	const struct stepper_ops *ops;
	int steps;
	int count;
};

static struct stepper *devs[2];
static struct work_struct step_work;

static void step_keep(struct stepper *s)
{
	s->steps++;
}

/* Called with s->lock held; releases it. */
static void step_release(struct stepper *s)
{
	s->steps++;
	spin_unlock(&s->lock);
}

static const struct stepper_ops keep_ops = { .step = step_keep };
static const struct stepper_ops release_ops = { .step = step_release };

static void step_work_fn(struct work_struct *work)
{
	struct stepper *s = devs[0];

	spin_lock(&s->lock);
	s->ops->step(s);
	spin_unlock(&s->lock);
	s->count++; // expect: data-race
}

static irqreturn_t step_irq(int irq, void *data)
{
	struct stepper *s = devs[1];

	spin_lock(&s->lock);
	s->count++; // expect: data-race
	s->ops->step(s);
	return IRQ_HANDLED;
}

static int __init stepper_init(void)
{
	int i;

	for (i = 0; i < 2; i++) {
		devs[i] = kzalloc(sizeof(*devs[i]), GFP_KERNEL);
		if (!devs[i])
			return -ENOMEM;
		spin_lock_init(&devs[i]->lock);
	}
	devs[0]->ops = &keep_ops;
	devs[1]->ops = &release_ops;
	INIT_WORK(&step_work, step_work_fn);
	schedule_work(&step_work);
	return request_irq(43, step_irq, 0, "stepper", NULL);
}
module_init(stepper_init);
