// ffi-data-race: a C struct wrapped in Rust Opaque<T>; a Rust method reads a field the C IRQ handler writes, no lock.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

struct led {
	spinlock_t lock;
	int brightness;
	struct work_struct work;
};

int rs_led_report(struct led *l);	/* Rust */
void led_show(int v);

static irqreturn_t led_overcurrent_irq(int irq, void *data)
{
	struct led *l = data;

	l->brightness = 0; // expect: ffi-data-race
	schedule_work(&l->work);
	return IRQ_HANDLED;
}

static void led_work_fn(struct work_struct *work)
{
	struct led *l = container_of(work, struct led, work);

	led_show(rs_led_report(l));
}

static int __init led_init(void)
{
	struct led *l = kzalloc(sizeof(*l), GFP_KERNEL);

	if (!l)
		return -ENOMEM;
	spin_lock_init(&l->lock);
	l->brightness = 128;
	INIT_WORK(&l->work, led_work_fn);
	return request_irq(7, led_overcurrent_irq, 0, "led", l);
}
module_init(led_init);
