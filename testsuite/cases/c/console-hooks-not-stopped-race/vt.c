// data-race: kdb-console-hooks-machine-stopped-ok under other names:
// exported functions nothing models run whenever their callers like, so
// their plain accesses race with the work item's write under the mutex
// and with each other.
#include <linux/module.h>
#include <linux/export.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>

static DEFINE_MUTEX(console_mutex);
static int console_blanked;
static int saved_blanked;
static struct work_struct blank_work;

void con_switch_enter(void)
{
	saved_blanked = console_blanked; // expect: data-race
	console_blanked = 0; // expect: data-race
}
EXPORT_SYMBOL_GPL(con_switch_enter);

void con_switch_leave(void)
{
	console_blanked = saved_blanked; // expect: data-race
}
EXPORT_SYMBOL_GPL(con_switch_leave);

static void blank_work_fn(struct work_struct *w)
{
	mutex_lock(&console_mutex);
	console_blanked = 1; // expect: data-race
	mutex_unlock(&console_mutex);
}

static int __init vt_init(void)
{
	INIT_WORK(&blank_work, blank_work_fn);
	schedule_work(&blank_work);
	return 0;
}
module_init(vt_init);
