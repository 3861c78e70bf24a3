// data-race: the fork path calls a helper whose summary may release the
// task-list lock, takes the lock again, but bumps the counter after
// releasing it; the exit path holds the lock.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/interrupt.h>

struct task_table {
	rwlock_t lock;
	int nr_tasks;
	int nr_forks;
	struct work_struct work;
};

static struct task_table *tt;

/* Drops the table lock when the caller says it holds it. */
static noinline void task_table_settle(struct task_table *t, bool locked)
{
	if (locked)
		write_unlock_irq(&t->lock);
}

static void fork_work(struct work_struct *work)
{
	struct task_table *t = container_of(work, struct task_table, work);

	task_table_settle(t, false);
	write_lock_irq(&t->lock);
	t->nr_forks++;
	write_unlock_irq(&t->lock);
	t->nr_tasks++; // expect: data-race
}

static irqreturn_t exit_irq(int irq, void *data)
{
	struct task_table *t = data;

	write_lock_irq(&t->lock);
	t->nr_tasks--; // expect: data-race
	task_table_settle(t, true);
	return IRQ_HANDLED;
}

static int __init tasks_init(void)
{
	struct task_table *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	rwlock_init(&t->lock);
	tt = t;
	INIT_WORK(&t->work, fork_work);
	schedule_work(&t->work);
	return request_irq(41, exit_irq, 0, "tasks", t);
}
module_init(tasks_init);
