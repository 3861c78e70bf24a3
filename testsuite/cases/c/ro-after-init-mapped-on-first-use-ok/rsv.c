// negative: as drivers/firmware/efi's efi_mem_reserve_persistent(). The
// root pointer is `__ro_after_init`: the initcall maps it, and the
// exported rsv_reserve() maps it itself if it is called before that. seam
// takes rsv_reserve() to run at any time, but once init is over the
// pointer is read-only (a write would fault), so the write in
// rsv_map_root() is made during init and races with nothing that runs
// later (the `[[init]]` model of `.data..ro_after_init`).
#include <linux/module.h>
#include <linux/export.h>
#include <linux/cache.h>
#include <linux/spinlock.h>

struct rsv_root {
	unsigned long next;
};

static struct rsv_root the_root;
static struct rsv_root *rsv_root __ro_after_init;
static DEFINE_SPINLOCK(rsv_lock);

static noinline int rsv_map_root(void)
{
	rsv_root = &the_root;
	return 0;
}

int rsv_reserve(unsigned long addr)
{
	if (!rsv_root) {
		int rc = rsv_map_root();

		if (rc)
			return rc;
	}
	spin_lock(&rsv_lock);
	rsv_root->next = addr;
	spin_unlock(&rsv_lock);
	return 0;
}
EXPORT_SYMBOL(rsv_reserve);

static int __init rsv_init(void)
{
	return rsv_map_root();
}
module_init(rsv_init);
