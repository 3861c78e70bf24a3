// negative: the C caller holds the lock across the call into Rust, so the Rust callee's plain write is protected.
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

	spin_lock(&s->lock);
	if (s->last_temp > 90)
		s->alarms++;
	spin_unlock(&s->lock);
	return IRQ_HANDLED;
}

static void sensor_timer(struct timer_list *t)
{
	struct sensor *s = from_timer(s, t, timer);
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	rs_sensor_sample(s);
	spin_unlock_irqrestore(&s->lock, flags);
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
