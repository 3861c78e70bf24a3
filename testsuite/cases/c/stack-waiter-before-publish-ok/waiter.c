// ok: the lib/klist.c waiter shape. Each caller fills in a waiter on its own
// stack, then links it into the shared `waiters` list under `waiters_lock`;
// the waker finds it there under the same lock and sets `woken` with
// WRITE_ONCE, and the waiter polls it with READ_ONCE. The plain writes that
// fill the waiter happen before its address is handed out, so nothing else
// can see them yet, although the list links the stack object to the shared
// list head.
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/workqueue.h>
#include <linux/sched.h>

struct waiter {
	struct list_head list;
	void *item;
	int woken;
};

static LIST_HEAD(waiters);
static DEFINE_SPINLOCK(waiters_lock);

static void wait_for_removal(void *item)
{
	struct waiter w;

	w.item = item;
	w.woken = 0;
	spin_lock(&waiters_lock);
	list_add(&w.list, &waiters);
	spin_unlock(&waiters_lock);
	while (!READ_ONCE(w.woken))
		cpu_relax();
}

static void wake_all(struct work_struct *work)
{
	struct list_head *p;

	spin_lock(&waiters_lock);
	for (p = waiters.next; p != &waiters; p = p->next) {
		struct waiter *w = (struct waiter *)p;

		WRITE_ONCE(w->woken, 1);
	}
	spin_unlock(&waiters_lock);
}

static void remover_a(struct work_struct *work) { wait_for_removal(work); }
static void remover_b(struct work_struct *work) { wait_for_removal(work); }

static struct work_struct wa, wb, wk;

static int __init waiter_init(void)
{
	INIT_WORK(&wa, remover_a);
	INIT_WORK(&wb, remover_b);
	INIT_WORK(&wk, wake_all);
	schedule_work(&wa);
	schedule_work(&wb);
	schedule_work(&wk);
	return 0;
}
module_init(waiter_init);
