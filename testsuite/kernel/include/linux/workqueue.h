/* seam testsuite shim: work items (linux/workqueue.h, !CONFIG_LOCKDEP). */
#ifndef _SHIM_LINUX_WORKQUEUE_H
#define _SHIM_LINUX_WORKQUEUE_H

#include <linux/kernel.h>
#include <linux/timer.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
};

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
	int cpu;
};

struct workqueue_struct;
extern struct workqueue_struct *system_wq;

#define WORK_CPU_UNBOUND 64
#define WORK_STRUCT_NO_POOL 0xffffffe0UL
#define WORK_DATA_INIT() { (long)WORK_STRUCT_NO_POOL }
#define INIT_LIST_HEAD(list) do { WRITE_ONCE((list)->next, (list)); WRITE_ONCE((list)->prev, (list)); } while (0)

static inline void __init_work(struct work_struct *work, int onstack) { }

#define __INIT_WORK(_work, _func, _onstack)				\
	do {								\
		__init_work((_work), _onstack);				\
		(_work)->data = (atomic_long_t) WORK_DATA_INIT();	\
		INIT_LIST_HEAD(&(_work)->entry);			\
		(_work)->func = (_func);				\
	} while (0)
#define INIT_WORK(_work, _func) __INIT_WORK((_work), (_func), 0)

bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *work, unsigned long delay);
bool cancel_work_sync(struct work_struct *work);
bool flush_work(struct work_struct *work);

static inline bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{ return queue_work_on(WORK_CPU_UNBOUND, wq, work); }
static inline bool schedule_work(struct work_struct *work) { return queue_work(system_wq, work); }

#endif
