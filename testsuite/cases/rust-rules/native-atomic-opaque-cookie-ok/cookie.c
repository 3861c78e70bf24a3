// negative: Rust hands C a pointer to a Rust object containing a core atomic as an opaque cookie; C stores and passes it back but never dereferences it.
#include <linux/interrupt.h>

irqreturn_t rs_cookie_irq(int irq, void *cookie);	/* Rust */

int cookie_register(void *cookie)
{
	return request_irq(26, rs_cookie_irq, 0, "cookie", cookie);
}
