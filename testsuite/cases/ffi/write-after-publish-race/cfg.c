// ffi-data-race: module init writes a field after request_irq has already published the object to the Rust handler.
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
	c->mode = 2;
	ret = request_irq(30, rs_cfg_irq, 0, "cfg", c);
	c->threshold = 50; // expect: ffi-data-race
	return ret;
}
module_init(cfg_init);
