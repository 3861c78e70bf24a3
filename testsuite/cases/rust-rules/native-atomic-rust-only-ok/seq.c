// negative: Rust uses core::sync::atomic on a Rust-only static that C never touches.
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

irqreturn_t rs_seq_irq(int irq, void *data);	/* Rust */
void rs_seq_work(struct work_struct *work);	/* Rust */
static struct work_struct seq_work;

static int __init seq_init(void)
{
	INIT_WORK(&seq_work, rs_seq_work);
	schedule_work(&seq_work);
	return request_irq(25, rs_seq_irq, 0, "seq", NULL);
}
module_init(seq_init);
