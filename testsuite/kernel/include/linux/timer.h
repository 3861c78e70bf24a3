/* seam testsuite shim: timers (linux/timer.h, !CONFIG_LOCKDEP). */
#ifndef _SHIM_LINUX_TIMER_H
#define _SHIM_LINUX_TIMER_H

#include <linux/kernel.h>

struct timer_list {
	struct hlist_node entry;
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
};

extern unsigned long volatile jiffies;

void init_timer_key(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags,
		    const char *name, struct lock_class_key *key);
#define __init_timer(_timer, _fn, _flags) init_timer_key((_timer), (_fn), (_flags), NULL, NULL)
#define timer_setup(timer, callback, flags) __init_timer((timer), (callback), (flags))
#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)
int mod_timer(struct timer_list *timer, unsigned long expires);
int timer_delete_sync(struct timer_list *timer);
static inline int del_timer_sync(struct timer_list *timer) { return timer_delete_sync(timer); }

#endif
