/* seam testsuite shim: preempt count and irq flags (linux/preempt.h, asm/irqflags.h). */
#ifndef _SHIM_LINUX_PREEMPT_H
#define _SHIM_LINUX_PREEMPT_H

#include <linux/compiler.h>

#if defined(__x86_64__)
/* arch/x86/include/asm/preempt.h: the count is a per-cpu int bumped with a gs-relative add. */
static __always_inline void __preempt_count_add(int val)
{ __asm__ __volatile__("addl %0, %%gs:__preempt_count" : : "ri" (val) : "memory"); }
static __always_inline void __preempt_count_sub(int val) { __preempt_count_add(-val); }
static __always_inline void arch_local_irq_disable(void) { __asm__ __volatile__("cli" ::: "memory"); }
static __always_inline void arch_local_irq_enable(void) { __asm__ __volatile__("sti" ::: "memory"); }
#elif defined(__aarch64__)
/* arch/arm64/include/asm/preempt.h: the count lives in thread_info, reached through sp_el0. */
struct thread_info { unsigned long flags; u64 preempt_count; };
static __always_inline struct thread_info *current_thread_info(void)
{
	unsigned long sp_el0;
	__asm__ ("mrs %0, sp_el0" : "=r" (sp_el0));
	return (struct thread_info *)sp_el0;
}
static __always_inline void __preempt_count_add(int val)
{
	u32 pc = READ_ONCE(current_thread_info()->preempt_count);
	pc += val;
	WRITE_ONCE(current_thread_info()->preempt_count, pc);
}
static __always_inline void __preempt_count_sub(int val) { __preempt_count_add(-val); }
static __always_inline void arch_local_irq_disable(void) { __asm__ __volatile__("msr daifset, #3" ::: "memory"); }
static __always_inline void arch_local_irq_enable(void) { __asm__ __volatile__("msr daifclr, #3" ::: "memory"); }
#endif

#define preempt_disable() do { __preempt_count_add(1); barrier(); } while (0)
#define preempt_enable() do { barrier(); __preempt_count_sub(1); } while (0)
#define local_irq_disable() arch_local_irq_disable()
#define local_irq_enable() arch_local_irq_enable()

#endif
