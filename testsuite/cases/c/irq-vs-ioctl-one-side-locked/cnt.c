// data-race: only the ioctl takes the lock; the IRQ handler writes without it.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/fs.h>
#include <linux/atomic.h>

struct cdev_state {
	spinlock_t lock;
	long count;
};

static struct cdev_state *the_state;

static irqreturn_t cnt_irq(int irq, void *data)
{
	struct cdev_state *s = data;

	s->count++; // expect: data-race
	return IRQ_HANDLED;
}

static long cnt_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct cdev_state *s = the_state;
	long n;

	spin_lock_irq(&s->lock);
	n = s->count; // expect: data-race
	spin_unlock_irq(&s->lock);
	return n;
}

static const struct file_operations cnt_fops = { .owner = THIS_MODULE, .unlocked_ioctl = cnt_ioctl };
static struct miscdevice cnt_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "cnt", .fops = &cnt_fops };

static int __init cnt_init(void)
{
	struct cdev_state *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	spin_lock_init(&s->lock);
	the_state = s;
	if (request_irq(40, cnt_irq, 0, "cnt", s))
		return -EBUSY;
	return misc_register(&cnt_misc);
}
module_init(cnt_init);
