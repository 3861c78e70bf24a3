/* seam testsuite shim: per-CPU variables and pointers (linux/percpu.h,
 * asm/percpu.h), shaped like Linux 6.12: per_cpu_ptr adds
 * __per_cpu_offset[cpu]; this_cpu_ptr adds the current CPU's offset, read
 * %gs-relative from this_cpu_off on x86_64 and from tpidr_el1 on arm64. */
#ifndef _SHIM_LINUX_PERCPU_H
#define _SHIM_LINUX_PERCPU_H

#include <linux/kernel.h>
#include <linux/preempt.h>

#define __percpu
#define DEFINE_PER_CPU(type, name) __attribute__((section(".data..percpu"))) __typeof__(type) name
#define DECLARE_PER_CPU(type, name) extern __attribute__((section(".data..percpu"))) __typeof__(type) name

extern unsigned long __per_cpu_offset[64];

#if defined(__x86_64__)
DECLARE_PER_CPU(unsigned long, this_cpu_off);
DECLARE_PER_CPU(int, cpu_number);
static __always_inline unsigned long __my_cpu_offset(void)
{
	unsigned long off;
	__asm__ ("movq %%gs:%1, %0" : "=r" (off) : "m" (this_cpu_off));
	return off;
}
static __always_inline int raw_smp_processor_id(void)
{
	int cpu;
	__asm__ ("movl %%gs:%1, %0" : "=r" (cpu) : "m" (cpu_number));
	return cpu;
}
#elif defined(__aarch64__)
static __always_inline unsigned long __my_cpu_offset(void)
{
	unsigned long off;
	__asm__ ("mrs %0, tpidr_el1" : "=r" (off));
	return off;
}
int raw_smp_processor_id(void);
#endif

#define smp_processor_id() raw_smp_processor_id()
#define per_cpu_ptr(ptr, cpu) \
	((__typeof__(ptr))((unsigned long)(ptr) + __per_cpu_offset[(cpu)]))
#define this_cpu_ptr(ptr) \
	((__typeof__(ptr))(__my_cpu_offset() + (unsigned long)(ptr)))
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), cpu))

void *__alloc_percpu(size_t size, size_t align);
void free_percpu(void __percpu *ptr);
#define alloc_percpu(type) ((type __percpu *)__alloc_percpu(sizeof(type), __alignof__(type)))

#endif
