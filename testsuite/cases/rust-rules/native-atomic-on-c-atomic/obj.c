// rust-native-atomic: C counts references with atomic_inc; Rust drops them with core::sync::atomic on the same atomic_t.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/atomic.h>

struct obj {
	atomic_t refs;
	struct work_struct work;
};

void rs_obj_work(struct work_struct *work);	/* Rust */
void obj_release(struct obj *o);

static irqreturn_t obj_irq(int irq, void *data)
{
	struct obj *o = data;

	atomic_inc(&o->refs);
	schedule_work(&o->work);
	return IRQ_HANDLED;
}

static int __init obj_init(void)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	if (!o)
		return -ENOMEM;
	atomic_set(&o->refs, 1);
	INIT_WORK(&o->work, rs_obj_work);
	return request_irq(23, obj_irq, 0, "obj", o);
}
module_init(obj_init);
