// data-race: a Rust work item and a Rust kthread (spawned by C with the Rust thread function) write a Rust static, only one under the kernel Mutex.
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/workqueue.h>

int rs_thread(void *data);	/* Rust */
void rs_work(struct work_struct *work);	/* Rust */
static struct work_struct work;

static int __init reg_init(void)
{
	INIT_WORK(&work, rs_work);
	schedule_work(&work);
	kthread_run(rs_thread, NULL, "rs-thread");
	return 0;
}
module_init(reg_init);
