// data-race: the same per-slot array, but the ioctl picks the slot from its
// argument, not from the CPU it runs on: two CPUs can update one slot, and
// the IRQ handler's update of the current CPU's slot may be that slot.
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
	state[cpu].events++; // expect: data-race
	state[cpu].last = v; // expect: data-race
}

static irqreturn_t cs_irq(int irq, void *data)
{
	note_event(smp_processor_id(), irq);
	return IRQ_HANDLED;
}

static long cs_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	preempt_disable();
	state[arg % NR_CPUS].events++; // expect: data-race
	state[arg % NR_CPUS].last = arg; // expect: data-race
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
