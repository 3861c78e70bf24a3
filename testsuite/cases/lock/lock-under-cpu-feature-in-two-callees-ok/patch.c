// negative: as arch/x86's its_init_mod() / its_fini_mod() around module
// patching. patch_begin() takes patch_mutex only when the CPU has the
// feature and returns holding it; patch_end() releases it under the same
// test. The ioctl calls both around patch_one(). A feature bit does not
// change after boot (a `[[condition]]` model), so wherever the lock was not
// taken it is not released either, and the accesses between the two calls,
// in patch_one() and in patch_begin()/patch_end() themselves, are made
// holding patch_mutex.
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <asm/cpufeature.h>

static DEFINE_MUTEX(patch_mutex);
static void *patch_owner;
static unsigned long patch_count;

void patch_begin(void *owner)
{
	if (!cpu_feature_enabled(X86_FEATURE_INDIRECT_THUNK_ITS))
		return;

	mutex_lock(&patch_mutex);
	patch_owner = owner;
	patch_count = 0;
}

void patch_end(void *owner)
{
	if (!cpu_feature_enabled(X86_FEATURE_INDIRECT_THUNK_ITS))
		return;

	patch_owner = NULL;
	mutex_unlock(&patch_mutex);
}

static noinline void patch_one(void)
{
	if (patch_owner)
		patch_count++;
}

static long patch_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	patch_begin(f);
	patch_one();
	patch_end(f);
	return 0;
}

static const struct file_operations patch_fops = { .owner = THIS_MODULE, .unlocked_ioctl = patch_ioctl };
static struct miscdevice patch_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "patch", .fops = &patch_fops };

static int __init patch_init(void)
{
	return misc_register(&patch_misc);
}
module_init(patch_init);
