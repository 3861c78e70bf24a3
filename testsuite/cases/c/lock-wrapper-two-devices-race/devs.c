// data-race: lock and unlock wrappers take the device by pointer; one work item bumps the shared event count holding the rx device's lock, the other holding the tx device's.
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

struct two_dev {
	spinlock_t lock;
	int packets;
};

static struct two_dev rx_dev, tx_dev;
static int events;
static struct work_struct rx_work, tx_work;

static noinline void two_dev_lock(struct two_dev *d)
{
	spin_lock(&d->lock);
}

static noinline void two_dev_unlock(struct two_dev *d)
{
	spin_unlock(&d->lock);
}

static void rx_fn(struct work_struct *w)
{
	two_dev_lock(&rx_dev);
	rx_dev.packets++;
	events++; // expect: data-race
	two_dev_unlock(&rx_dev);
}

static void tx_fn(struct work_struct *w)
{
	two_dev_lock(&tx_dev);
	tx_dev.packets++;
	events++; // expect: data-race
	two_dev_unlock(&tx_dev);
}

static int __init two_dev_init(void)
{
	spin_lock_init(&rx_dev.lock);
	spin_lock_init(&tx_dev.lock);
	INIT_WORK(&rx_work, rx_fn);
	INIT_WORK(&tx_work, tx_fn);
	schedule_work(&rx_work);
	schedule_work(&tx_work);
	return 0;
}
module_init(two_dev_init);
