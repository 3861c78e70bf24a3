// ffi-data-race: a C object passed C->Rust as a call argument; the Rust callee (timer path) writes a field the C IRQ handler reads, no lock.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/timer.h>

struct sensor {
	spinlock_t lock;
	int last_temp;
	int alarms;
	struct timer_list timer;
};

int rs_sensor_sample(struct sensor *s);	/* Rust */

static irqreturn_t sensor_irq(int irq, void *data)
{
	struct sensor *s = data;

	if (s->last_temp > 90) // expect: ffi-data-race
		s->alarms++;
	return IRQ_HANDLED;
}

static void sensor_timer(struct timer_list *t)
{
	struct sensor *s = from_timer(s, t, timer);

	rs_sensor_sample(s);
	mod_timer(&s->timer, jiffies + 10);
}

static int __init sensor_init(void)
{
	struct sensor *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	spin_lock_init(&s->lock);
	timer_setup(&s->timer, sensor_timer, 0);
	mod_timer(&s->timer, jiffies + 10);
	return request_irq(12, sensor_irq, 0, "sensor", s);
}
module_init(sensor_init);
