// negative: `link_poll()` is exported and nothing in the input calls it, so
// seam takes it as an entry point any number of callers may run at once.
// `changed` and `speed` point to scalars: an out-parameter belongs to its
// caller (a local `bool` in each one), so the unlocked `*changed = false`
// and the write of `*changed` under the lock do not race. The device's own
// state is a `struct`, which every caller shares: `dev->polls` is written
// under `dev->lock` everywhere and is no race either.
#include <linux/module.h>
#include <linux/export.h>
#include <linux/spinlock.h>

struct link_dev {
	spinlock_t lock;
	unsigned int speed;
	unsigned long polls;
};

int link_poll(struct link_dev *dev, bool *changed, unsigned int *speed)
{
	*changed = false;
	*speed = 0;
	spin_lock(&dev->lock);
	dev->polls++;
	if (dev->speed != 100) {
		dev->speed = 100;
		*changed = true;
	}
	*speed = dev->speed;
	spin_unlock(&dev->lock);
	return 0;
}
EXPORT_SYMBOL(link_poll);
