// ok: `con_debug_enter`/`con_debug_leave` are the kernel debugger's console
// hooks (exported for kgdboc; kgdb calls them with every other CPU held
// spinning with interrupts off), so their plain accesses to the console
// state run beside nothing, though a work item writes it under a mutex.
// The model says so (`[[init]] phase = "stopped"`); the same code under
// other names races (console-hooks-not-stopped-race).
#include <linux/module.h>
#include <linux/export.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>

static DEFINE_MUTEX(console_mutex);
static int console_blanked;
static int saved_blanked;
static struct work_struct blank_work;

void con_debug_enter(void)
{
	saved_blanked = console_blanked;
	console_blanked = 0;
}
EXPORT_SYMBOL_GPL(con_debug_enter);

void con_debug_leave(void)
{
	console_blanked = saved_blanked;
}
EXPORT_SYMBOL_GPL(con_debug_leave);

static void blank_work_fn(struct work_struct *w)
{
	mutex_lock(&console_mutex);
	console_blanked = 1;
	mutex_unlock(&console_mutex);
}

static int __init vt_init(void)
{
	INIT_WORK(&blank_work, blank_work_fn);
	schedule_work(&blank_work);
	return 0;
}
module_init(vt_init);
