/* include/linux/static_call.h, reduced: static_call(name)(args) calls
 * trampoline __SCT__name, which the kernel patches to jump to the function
 * that key __SCK__name holds; static_call_update() stores a new one. */
#ifndef _LINUX_STATIC_CALL_H
#define _LINUX_STATIC_CALL_H

#include <linux/types.h>

struct static_call_key {
	void *func;
};

#define DECLARE_STATIC_CALL(name, _func)			\
	extern struct static_call_key __SCK__##name;		\
	extern typeof(_func) __SCT__##name

#define DEFINE_STATIC_CALL_NULL(name, _func)			\
	DECLARE_STATIC_CALL(name, _func);			\
	struct static_call_key __SCK__##name = { .func = NULL }

#define static_call(name) __SCT__##name

/* kernel/static_call_inline.c */
void __static_call_update(struct static_call_key *key, void *tramp, void *func);

#define static_call_update(name, func)				\
	__static_call_update(&__SCK__##name, (void *)&__SCT__##name, (void *)(func))

#endif
