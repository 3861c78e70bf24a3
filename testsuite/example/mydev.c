// SPDX-License-Identifier: GPL-2.0
/*
 * seam's bundled example: a small character-device driver written half in
 * C, half in Rust (mydev_rs.rs). The C half allocates the device, owns the
 * spinlock, handles the interrupt and registers the file operations; the
 * Rust half implements the deferred work and the ioctl.
 *
 * Expected findings (`make run`):
 *   - ffi-data-race on struct mydev.last_status: the IRQ handler writes it
 *     without the lock; the Rust work item reads it without the lock, and
 *     the Rust ioctl reads it with the lock (a lock only one side holds).
 *   - nothing on struct mydev.irq_count: both sides hold dev->lock.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/fs.h>
#include <linux/workqueue.h>

#define MYDEV_IRQ 42

struct mydev {
	spinlock_t lock;
	unsigned int irq_count;		/* protected by lock */
	unsigned int last_status;	/* meant to be protected by lock; the IRQ handler forgets */
	struct work_struct work;
};

static struct mydev *the_dev;

/* Implemented in Rust. */
void mydev_rust_work(struct work_struct *work);
long mydev_rust_ioctl(struct mydev *dev, unsigned int cmd);

static irqreturn_t mydev_irq(int irq, void *data)
{
	struct mydev *dev = data;
	unsigned long flags;

	spin_lock_irqsave(&dev->lock, flags);
	dev->irq_count++;
	spin_unlock_irqrestore(&dev->lock, flags);

	dev->last_status = irq; // expect: ffi-data-race
	schedule_work(&dev->work);
	return IRQ_HANDLED;
}

static long mydev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	return mydev_rust_ioctl(the_dev, cmd);
}

static const struct file_operations mydev_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = mydev_ioctl,
};

static int __init mydev_init(void)
{
	struct mydev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	int ret;

	if (!dev)
		return -ENOMEM;
	spin_lock_init(&dev->lock);
	dev->irq_count = 0;
	INIT_WORK(&dev->work, mydev_rust_work);
	the_dev = dev;
	ret = request_irq(MYDEV_IRQ, mydev_irq, IRQF_SHARED, "mydev", dev);
	if (ret) {
		kfree(dev);
		return ret;
	}
	return register_chrdev(0, "mydev", &mydev_fops);
}

static void __exit mydev_exit(void)
{
	free_irq(MYDEV_IRQ, the_dev);
	cancel_work_sync(&the_dev->work);
	kfree(the_dev);
}

module_init(mydev_init);
module_exit(mydev_exit);
MODULE_LICENSE("GPL");
