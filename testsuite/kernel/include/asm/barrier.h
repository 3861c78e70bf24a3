/* seam testsuite shim: arch barriers and acquire/release, as arch/{x86,arm64}/include/asm/barrier.h. */
#ifndef _SHIM_ASM_BARRIER_H
#define _SHIM_ASM_BARRIER_H

#include <linux/compiler.h>

#if defined(__x86_64__)
/* x86 is TSO: full barrier is a locked RMW on the stack; rmb/wmb only stop the compiler. */
#define mb()	__asm__ __volatile__("mfence" ::: "memory")
#define rmb()	__asm__ __volatile__("lfence" ::: "memory")
#define wmb()	__asm__ __volatile__("sfence" ::: "memory")
#define __smp_mb()	__asm__ __volatile__("lock; addl $0,-4(%%rsp)" ::: "memory", "cc")
#define __smp_rmb()	barrier()
#define __smp_wmb()	barrier()
#define __smp_store_release(p, v)	do { barrier(); WRITE_ONCE(*p, v); } while (0)
#define __smp_load_acquire(p)						\
({									\
	__unqual_scalar_typeof(*p) ___p1 = READ_ONCE(*p);		\
	barrier();							\
	___p1;								\
})
#elif defined(__aarch64__)
#define mb()	__asm__ __volatile__("dsb sy" ::: "memory")
#define rmb()	__asm__ __volatile__("dsb ld" ::: "memory")
#define wmb()	__asm__ __volatile__("dsb st" ::: "memory")
#define __smp_mb()	__asm__ __volatile__("dmb ish" ::: "memory")
#define __smp_rmb()	__asm__ __volatile__("dmb ishld" ::: "memory")
#define __smp_wmb()	__asm__ __volatile__("dmb ishst" ::: "memory")
#define __smp_store_release(p, v)					\
do {									\
	__typeof__(*p) __sr_v = (v);					\
	switch (sizeof(*p)) {						\
	case 1: __asm__ __volatile__("stlrb %w1, %0" : "=Q"(*p) : "rZ"((u8)(unsigned long)__sr_v) : "memory"); break; \
	case 2: __asm__ __volatile__("stlrh %w1, %0" : "=Q"(*p) : "rZ"((u16)(unsigned long)__sr_v) : "memory"); break; \
	case 4: __asm__ __volatile__("stlr %w1, %0" : "=Q"(*p) : "rZ"((u32)(unsigned long)__sr_v) : "memory"); break; \
	case 8: __asm__ __volatile__("stlr %1, %0" : "=Q"(*p) : "rZ"((u64)(unsigned long)__sr_v) : "memory"); break; \
	}								\
} while (0)
#define __smp_load_acquire(p)						\
({									\
	union { __unqual_scalar_typeof(*p) __val; char __c[1]; } __u;	\
	switch (sizeof(*p)) {						\
	case 1: __asm__ __volatile__("ldarb %w0, %1" : "=r"(*(u8 *)__u.__c) : "Q"(*p) : "memory"); break; \
	case 2: __asm__ __volatile__("ldarh %w0, %1" : "=r"(*(u16 *)__u.__c) : "Q"(*p) : "memory"); break; \
	case 4: __asm__ __volatile__("ldar %w0, %1" : "=r"(*(u32 *)__u.__c) : "Q"(*p) : "memory"); break; \
	case 8: __asm__ __volatile__("ldar %0, %1" : "=r"(*(u64 *)__u.__c) : "Q"(*p) : "memory"); break; \
	}								\
	__u.__val;							\
})
#else
#error "seam shims support x86_64 and aarch64"
#endif

/* include/asm-generic/barrier.h (CONFIG_SMP). */
#define smp_mb()	__smp_mb()
#define smp_rmb()	__smp_rmb()
#define smp_wmb()	__smp_wmb()
#define smp_mb__before_atomic()	smp_mb()
#define smp_mb__after_atomic()	smp_mb()
#define smp_store_release(p, v)	__smp_store_release(p, v)
#define smp_load_acquire(p)	__smp_load_acquire(p)
#define smp_store_mb(var, value) do { WRITE_ONCE(var, value); smp_mb(); } while (0)

#endif
