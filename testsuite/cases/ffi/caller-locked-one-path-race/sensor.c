// ffi-data-race: the Rust callee relies on its C caller holding the lock; the timer path does, the ioctl path forgets.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/fs.h>

struct sensor {
	spinlock_t lock;
	int last_temp;
	struct timer_list timer;
};

static struct sensor *the_sensor;
int rs_sensor_sample(struct sensor *s);	/* Rust: caller must hold s->lock */
void sensor_alarm(void);

static irqreturn_t sensor_irq(int irq, void *data)
{
	struct sensor *s = data;
	int t;

	spin_lock(&s->lock);
	t = s->last_temp; // expect: ffi-data-race
	spin_unlock(&s->lock);
	if (t > 90)
		sensor_alarm();
	return IRQ_HANDLED;
}

static void sensor_timer(struct timer_list *tl)
{
	struct sensor *s = from_timer(s, tl, timer);
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	rs_sensor_sample(s);
	spin_unlock_irqrestore(&s->lock, flags);
	mod_timer(&s->timer, jiffies + 10);
}

static long sensor_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	return rs_sensor_sample(the_sensor);	/* BUG: lock not held */
}

static const struct file_operations sensor_fops = { .owner = THIS_MODULE, .unlocked_ioctl = sensor_ioctl };
static struct miscdevice sensor_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "sensor", .fops = &sensor_fops };

static int __init sensor_init(void)
{
	struct sensor *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	spin_lock_init(&s->lock);
	timer_setup(&s->timer, sensor_timer, 0);
	the_sensor = s;
	mod_timer(&s->timer, jiffies + 10);
	if (request_irq(12, sensor_irq, 0, "sensor", s))
		return -EBUSY;
	return misc_register(&sensor_misc);
}
module_init(sensor_init);
