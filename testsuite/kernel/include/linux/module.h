/* seam testsuite shim: module_init/module_exit for a loadable module (linux/module.h, MODULE defined):
 * init_module/cleanup_module are aliases of the driver's functions. */
#ifndef _SHIM_LINUX_MODULE_H
#define _SHIM_LINUX_MODULE_H

#include <linux/init.h>

struct module;
#define THIS_MODULE ((struct module *)0)

#define module_init(initfn)						\
	static inline initcall_t __maybe_unused __inittest(void)	\
	{ return initfn; }						\
	int init_module(void) __attribute__((alias(#initfn)));

#define module_exit(exitfn)						\
	static inline exitcall_t __maybe_unused __exittest(void)	\
	{ return exitfn; }						\
	void cleanup_module(void) __attribute__((alias(#exitfn)));

#define MODULE_LICENSE(x)
#define MODULE_DESCRIPTION(x)

#endif
