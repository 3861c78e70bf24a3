// The update function, defined in the input as in a whole-kernel run (kernel/static_call_inline.c).
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/static_call.h>

static DEFINE_MUTEX(static_call_mutex);

void __static_call_update(struct static_call_key *key, void *tramp, void *func)
{
	mutex_lock(&static_call_mutex);
	if (key->func != func)
		WRITE_ONCE(key->func, func);
	mutex_unlock(&static_call_mutex);
}
