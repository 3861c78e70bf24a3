// ffi-data-race: a Rust work function finds its C object with container_of from the embedded work_struct and clears a flag the C IRQ handler sets, no lock.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

struct uart {
	spinlock_t lock;
	int pending;
	struct work_struct tx_work;
};

void rs_uart_tx_work(struct work_struct *work);	/* Rust */

static irqreturn_t uart_irq(int irq, void *data)
{
	struct uart *u = data;

	u->pending = 1; // expect: ffi-data-race
	schedule_work(&u->tx_work);
	return IRQ_HANDLED;
}

static int __init uart_init(void)
{
	struct uart *u = kzalloc(sizeof(*u), GFP_KERNEL);

	if (!u)
		return -ENOMEM;
	spin_lock_init(&u->lock);
	INIT_WORK(&u->tx_work, rs_uart_tx_work);
	return request_irq(4, uart_irq, IRQF_SHARED, "uart", u);
}
module_init(uart_init);
