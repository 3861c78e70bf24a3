// data-race: two kthreads from one thread function increment a global without a lock (the same line races with itself).
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/mutex.h>

static unsigned long jobs_done;

static int worker(void *data)
{
	while (!kthread_should_stop()) {
		jobs_done++; // expect: data-race
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
