// negative: DO_ONCE's shape: once_start takes the lock and returns true
// with it held (false, released, when already done); the caller runs the
// initialiser and once_done, which sets the flag under that lock and
// releases it. The lock crosses both call boundaries.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/interrupt.h>

static DEFINE_SPINLOCK(once_lock);
static int secret;
static struct work_struct seed_work;

static noinline bool once_start(bool *done, unsigned long *flags)
{
	spin_lock_irqsave(&once_lock, *flags);
	if (*done) {
		spin_unlock_irqrestore(&once_lock, *flags);
		return false;
	}
	return true;
}

static noinline void once_done(bool *done, unsigned long *flags)
{
	*done = true;
	spin_unlock_irqrestore(&once_lock, *flags);
}

#define DO_ONCE(func)							\
	({								\
		static bool ___done;					\
		unsigned long ___flags;					\
		bool ___ret = once_start(&___done, &___flags);		\
		if (___ret) {						\
			func();						\
			once_done(&___done, &___flags);			\
		}							\
		___ret;							\
	})

static noinline void secret_seed(void)
{
	secret = 42;
}

static noinline void secret_init(void)
{
	DO_ONCE(secret_seed);
}

static void seed_work_fn(struct work_struct *work)
{
	secret_init();
}

static irqreturn_t seed_irq(int irq, void *data)
{
	secret_init();
	return IRQ_HANDLED;
}

static int __init once_init(void)
{
	INIT_WORK(&seed_work, seed_work_fn);
	schedule_work(&seed_work);
	return request_irq(42, seed_irq, 0, "once", NULL);
}
module_init(once_init);
