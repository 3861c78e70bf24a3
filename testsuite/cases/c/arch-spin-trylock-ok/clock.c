// negative: as trace_clock_global(): the IRQ handler updates the clock's last value under arch_spin_trylock() on a bare arch_spinlock_t (tracing may recurse, so it never waits), the ioctl under arch_spin_lock(). Both writes hold the arch lock.
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/fs.h>

static struct {
	u64 prev_time;
	arch_spinlock_t lock;
} clock_state = { .lock = __ARCH_SPIN_LOCK_UNLOCKED };

static irqreturn_t clock_irq(int irq, void *data)
{
	if (arch_spin_trylock(&clock_state.lock)) {
		clock_state.prev_time = irq;
		arch_spin_unlock(&clock_state.lock);
	}
	return IRQ_HANDLED;
}

static long clock_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	arch_spin_lock(&clock_state.lock);
	clock_state.prev_time = arg;
	arch_spin_unlock(&clock_state.lock);
	return 0;
}

static const struct file_operations clock_fops = { .owner = THIS_MODULE, .unlocked_ioctl = clock_ioctl };
static struct miscdevice clock_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "clock", .fops = &clock_fops };

static int __init clock_init(void)
{
	if (request_irq(42, clock_irq, 0, "clock", NULL))
		return -EBUSY;
	return misc_register(&clock_misc);
}
module_init(clock_init);
