// data-race: the device pointer is kept with a flag in its low bit (a tagged
// pointer, as the kernel does in many places); the IRQ handler and the ioctl
// strip the tag and update the same counter with no lock.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct tag_dev {
	long count;
};

#define TAG_ACTIVE 1UL
static unsigned long tagged_dev;

static struct tag_dev *untag(unsigned long v)
{
	return (struct tag_dev *)(v & ~TAG_ACTIVE);
}

static irqreturn_t tag_irq(int irq, void *data)
{
	struct tag_dev *d = untag(READ_ONCE(tagged_dev));

	d->count++; // expect: data-race
	return IRQ_HANDLED;
}

static long tag_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct tag_dev *d = untag(READ_ONCE(tagged_dev));

	d->count = arg; // expect: data-race
	return 0;
}

static const struct file_operations tag_fops = { .owner = THIS_MODULE, .unlocked_ioctl = tag_ioctl };
static struct miscdevice tag_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "tag", .fops = &tag_fops };

static int __init tag_init(void)
{
	struct tag_dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	WRITE_ONCE(tagged_dev, (unsigned long)d | TAG_ACTIVE);
	if (request_irq(42, tag_irq, 0, "tag", NULL))
		return -EBUSY;
	return misc_register(&tag_misc);
}
module_init(tag_init);
