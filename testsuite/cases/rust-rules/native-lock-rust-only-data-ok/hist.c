// negative: a hand-rolled Rust spinlock that guards Rust-only data; C never touches what it protects.
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

irqreturn_t rs_hist_irq(int irq, void *data);	/* Rust */
void rs_hist_work(struct work_struct *work);	/* Rust */
static struct work_struct hist_work;

static int __init hist_init(void)
{
	INIT_WORK(&hist_work, rs_hist_work);
	schedule_work(&hist_work);
	return request_irq(28, rs_hist_irq, 0, "hist", NULL);
}
module_init(hist_init);
