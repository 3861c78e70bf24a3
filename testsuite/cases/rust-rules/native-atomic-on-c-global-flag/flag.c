// rust-native-atomic: a C global flag read with READ_ONCE in C; Rust sets it with core::sync::atomic::AtomicI32.
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

int shutdown_flag;
static struct timer_list wd_timer;
static struct work_struct stop_work;
void rs_stop_work(struct work_struct *work);	/* Rust */
void watchdog_pet(void);

static void wd_fn(struct timer_list *t)
{
	if (READ_ONCE(shutdown_flag))
		return;
	watchdog_pet();
	mod_timer(&wd_timer, jiffies + 50);
}

static int __init wd_init(void)
{
	timer_setup(&wd_timer, wd_fn, 0);
	INIT_WORK(&stop_work, rs_stop_work);
	schedule_work(&stop_work);
	mod_timer(&wd_timer, jiffies + 50);
	return 0;
}
module_init(wd_init);
