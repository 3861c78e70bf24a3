// ok: per-CPU statistics. The IRQ handler and the ioctl each update the
// current CPU's copy (this_cpu_ptr, per_cpu_ptr(p, smp_processor_id()) with
// preemption off); a per-CPU variable is bumped the same way. Each CPU has
// its own copy, so none of these plain updates races with another.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/fs.h>
#include <linux/percpu.h>

struct pcpu_stats {
	unsigned long packets;
	unsigned long bytes;
};

struct stat_dev {
	struct pcpu_stats __percpu *stats;
	int irq;
};

static DEFINE_PER_CPU(unsigned long, irq_hits);
static struct stat_dev *the_dev;

static irqreturn_t stat_irq(int irq, void *data)
{
	struct stat_dev *d = data;
	struct pcpu_stats *s = this_cpu_ptr(d->stats);

	s->packets++;
	s->bytes += 64;
	(*this_cpu_ptr(&irq_hits))++;
	return IRQ_HANDLED;
}

static long stat_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct stat_dev *d = the_dev;
	struct pcpu_stats *s;

	preempt_disable();
	s = per_cpu_ptr(d->stats, smp_processor_id());
	s->packets++;
	s->bytes += arg;
	(*this_cpu_ptr(&irq_hits))++;
	preempt_enable();
	return 0;
}

static const struct file_operations stat_fops = { .owner = THIS_MODULE, .unlocked_ioctl = stat_ioctl };
static struct miscdevice stat_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "stat", .fops = &stat_fops };

static int __init stat_init(void)
{
	struct stat_dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	d->stats = alloc_percpu(struct pcpu_stats);
	the_dev = d;
	if (request_irq(41, stat_irq, 0, "stat", d))
		return -EBUSY;
	return misc_register(&stat_misc);
}
module_init(stat_init);
