// positive: the same first-use mapping, but the root pointer is plain
// data: rsv_reserve() may map it on two CPUs at once, one writing it while
// the other reads it (also under the lock,
// which the write does not take).
#include <linux/module.h>
#include <linux/export.h>
#include <linux/spinlock.h>

struct rsv_root {
	unsigned long next;
};

static struct rsv_root the_root;
static struct rsv_root *rsv_root;
static DEFINE_SPINLOCK(rsv_lock);

static noinline int rsv_map_root(void)
{
	rsv_root = &the_root; // expect: data-race
	return 0;
}

int rsv_reserve(unsigned long addr)
{
	if (!rsv_root) { // expect: data-race
		int rc = rsv_map_root();

		if (rc)
			return rc;
	}
	spin_lock(&rsv_lock);
	rsv_root->next = addr; // expect: data-race
	spin_unlock(&rsv_lock);
	return 0;
}
EXPORT_SYMBOL(rsv_reserve);

static int __init rsv_init(void)
{
	return rsv_map_root();
}
module_init(rsv_init);
