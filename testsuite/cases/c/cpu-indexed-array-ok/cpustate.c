// ok: an array with one slot per CPU, kept by hand (`state[NR_CPUS]`, as
// arch/x86's `ucode_cpu_info[]`). The IRQ handler and the ioctl update the
// slot of the CPU they run on (`smp_processor_id()`, preemption off); a
// helper taking the CPU number as `cpu` does the same. Each CPU owns its
// slot, so none of these plain updates races with another.
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/fs.h>
#include <linux/percpu.h>

#define NR_CPUS 64

struct cpu_state {
	unsigned long events;
	unsigned long last;
};

static struct cpu_state state[NR_CPUS];

static void note_event(unsigned int cpu, unsigned long v)
{
	state[cpu].events++;
	state[cpu].last = v;
}

static irqreturn_t cs_irq(int irq, void *data)
{
	note_event(smp_processor_id(), irq);
	return IRQ_HANDLED;
}

static long cs_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	preempt_disable();
	state[smp_processor_id()].events++;
	state[smp_processor_id()].last = arg;
	preempt_enable();
	return 0;
}

static const struct file_operations cs_fops = { .owner = THIS_MODULE, .unlocked_ioctl = cs_ioctl };
static struct miscdevice cs_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "cs", .fops = &cs_fops };

static int __init cs_init(void)
{
	if (request_irq(42, cs_irq, 0, "cs", NULL))
		return -EBUSY;
	return misc_register(&cs_misc);
}
module_init(cs_init);
