/* seam testsuite shim: linux/cache.h's section markers. */
#ifndef _SHIM_LINUX_CACHE_H
#define _SHIM_LINUX_CACHE_H

#include <linux/compiler.h>

/* Read-only once init is over (mark_rodata_ro()). */
#define __ro_after_init __section(".data..ro_after_init")

#endif
