/* seam testsuite shim: sleeping and task basics (linux/sched.h, linux/kernel.h, linux/delay.h). */
#ifndef _SHIM_LINUX_SCHED_H
#define _SHIM_LINUX_SCHED_H

#include <linux/compiler.h>

struct task_struct;
int wake_up_process(struct task_struct *p);
void schedule(void);
void __might_sleep(const char *file, int line);
/* CONFIG_DEBUG_ATOMIC_SLEEP */
#define might_sleep() do { __might_sleep(__FILE__, __LINE__); } while (0)
void msleep(unsigned int msecs);
void usleep_range_state(unsigned long min, unsigned long max, unsigned int state);
static inline void usleep_range(unsigned long min, unsigned long max) { usleep_range_state(min, max, 2); }
void __udelay(unsigned long usecs);
#define udelay(n) __udelay(n)
#define cpu_relax() barrier()

#endif
