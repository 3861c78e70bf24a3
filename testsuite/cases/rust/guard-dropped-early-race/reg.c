// data-race: Rust keeps a raw pointer into SpinLock-protected data and writes through it after dropping the guard. (C only registers the Rust callbacks.)
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

irqreturn_t rs_irq(int irq, void *data);	/* Rust */
void rs_work(struct work_struct *work);	/* Rust */
static struct work_struct work;

static int __init reg_init(void)
{
	INIT_WORK(&work, rs_work);
	schedule_work(&work);
	return request_irq(50, rs_irq, 0, "rs", NULL);
}
module_init(reg_init);
