// positive: the same pair as arch/x86's its_init_mod() / its_fini_mod(),
// but patch_end() tests another feature bit than patch_begin(): on a CPU
// with the retpoline feature and not the other, patch_end() unlocks a mutex
// nobody took, and on one with the other and not retpoline the mutex stays
// held. Nothing says the lock is held between the two calls, so the ioctl's
// accesses there race with each other (the ioctl runs on many CPUs).
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
	patch_owner = owner; // expect: data-race
	patch_count = 0; // expect: data-race
}

void patch_end(void *owner)
{
	if (!cpu_feature_enabled(X86_FEATURE_RETPOLINE))
		return;

	patch_owner = NULL; // expect: data-race
	mutex_unlock(&patch_mutex);
}

static noinline void patch_one(void)
{
	if (patch_owner) // expect: data-race
		patch_count++; // expect: data-race
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
