// negative: init-time accesses: Rust Module::init writes a C global before calling the C registration that publishes it; the C IRQ handler only reads.
#include <linux/interrupt.h>

int cfg_limit;
void cfg_apply(int level);

static irqreturn_t cfg_irq(int irq, void *data)
{
	if (irq > cfg_limit)
		cfg_apply(irq);
	return IRQ_HANDLED;
}

int cfg_register(void)
{
	return request_irq(31, cfg_irq, 0, "cfg", NULL);
}
