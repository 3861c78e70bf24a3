/* seam testsuite shim: init/exit sections (linux/init.h). */
#ifndef _SHIM_LINUX_INIT_H
#define _SHIM_LINUX_INIT_H

#include <linux/compiler.h>

#define __init __section(".init.text") __cold notrace
#define __exit __section(".exit.text") __used __cold notrace
#define __initdata __section(".init.data")

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#endif
