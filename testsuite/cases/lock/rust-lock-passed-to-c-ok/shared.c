// negative: a Rust-owned kernel SpinLock handed to C (Lock::raw) at module init; C locks that same lock around the shared data.
#include <linux/spinlock.h>
#include <linux/interrupt.h>

struct data {
	int v;
};

struct data gdata;
static spinlock_t *shared_lock;

static irqreturn_t shared_irq(int irq, void *unused)
{
	spin_lock(shared_lock);
	gdata.v++;
	spin_unlock(shared_lock);
	return IRQ_HANDLED;
}

int shared_register(spinlock_t *lock)
{
	shared_lock = lock;
	return request_irq(16, shared_irq, 0, "shared", NULL);
}
