// negative: two kthreads from one thread function increment a global under a mutex.
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/mutex.h>

static unsigned long jobs_done;
static DEFINE_MUTEX(jobs_lock);

static int worker(void *data)
{
	while (!kthread_should_stop()) {
		mutex_lock(&jobs_lock);
		jobs_done++;
		mutex_unlock(&jobs_lock);
		msleep(10);
	}
	return 0;
}

static int __init kt_init(void)
{
	kthread_run(worker, NULL, "worker-a");
	kthread_run(worker, NULL, "worker-b");
	return 0;
}
module_init(kt_init);
