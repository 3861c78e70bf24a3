// negative: init-time accesses: C module init fills the object before request_irq publishes it to the Rust handler, which only reads.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>

struct cfg {
	int threshold;
	int mode;
};

irqreturn_t rs_cfg_irq(int irq, void *data);	/* Rust */

static int __init cfg_init(void)
{
	struct cfg *c = kzalloc(sizeof(*c), GFP_KERNEL);
	int ret;

	if (!c)
		return -ENOMEM;
	c->threshold = 50;
	c->mode = 2;
	ret = request_irq(30, rs_cfg_irq, 0, "cfg", c);
	return ret;
}
module_init(cfg_init);
