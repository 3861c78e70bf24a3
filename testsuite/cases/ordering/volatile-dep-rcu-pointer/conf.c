// rust-volatile-dependency: C publishes a pointer with rcu_assign_pointer; Rust loads it with read_volatile and dereferences it (an address dependency a volatile load does not order on arm64+LTO/Alpha).
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/rcupdate.h>
#include <linux/workqueue.h>
#include <linux/interrupt.h>

struct conf {
	int rate;
	int burst;
};

struct conf __rcu *cur_conf;
static struct work_struct conf_work;
irqreturn_t rs_conf_irq(int irq, void *data);	/* Rust */
static void conf_update(struct work_struct *work)
{
	struct conf *n = kzalloc(sizeof(*n), GFP_KERNEL);

	if (!n)
		return;
	n->rate = 100;
	n->burst = 8;
	rcu_assign_pointer(cur_conf, n);
}

static int __init conf_init(void)
{
	INIT_WORK(&conf_work, conf_update);
	schedule_work(&conf_work);
	return request_irq(22, rs_conf_irq, 0, "conf", NULL);
}
module_init(conf_init);
