/* seam testsuite shim: struct mutex and its out-of-line API (kernel/locking/mutex.c), !DEBUG_LOCK_ALLOC. */
#ifndef _SHIM_LINUX_MUTEX_H
#define _SHIM_LINUX_MUTEX_H

#include <linux/compiler.h>
#include <linux/spinlock.h>

struct mutex {
	atomic_long_t owner;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;
};

#define DEFINE_MUTEX(name) struct mutex name = { .owner = { 0 }, .wait_list = { &(name).wait_list, &(name).wait_list } }

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key);
#define mutex_init(mutex) do { static struct lock_class_key __key; __mutex_init((mutex), #mutex, &__key); } while (0)
void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);	/* 0 = acquired, -EINTR otherwise */
int mutex_trylock(struct mutex *lock);			/* 1 = acquired */
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);

#endif
