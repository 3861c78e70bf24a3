/* seam testsuite shim: compiler.h, rwonce.h and KCSAN markers, shaped like Linux 6.12. */
#ifndef _SHIM_LINUX_COMPILER_H
#define _SHIM_LINUX_COMPILER_H

#include <linux/types.h>

#define __always_inline inline __attribute__((__always_inline__))
#define noinline __attribute__((__noinline__))
#define __section(s) __attribute__((__section__(s)))
#define __cold __attribute__((__cold__))
#define __maybe_unused __attribute__((__unused__))
#define __used __attribute__((__used__))
#define __iomem
#define __user
#define __rcu
#define __force
#define notrace __attribute__((__no_instrument_function__))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* The compiler barrier of include/linux/compiler.h. */
#define barrier() __asm__ __volatile__("" : : : "memory")

#define __unqual_scalar_typeof(x) __typeof__(_Generic((x),		\
	char: (char)0, unsigned char: (unsigned char)0, signed char: (signed char)0, \
	short: (short)0, unsigned short: (unsigned short)0,		\
	int: (int)0, unsigned int: (unsigned int)0,			\
	long: (long)0, unsigned long: (unsigned long)0,			\
	long long: (long long)0, unsigned long long: (unsigned long long)0, \
	default: (x)))

/* asm-generic/rwonce.h: marked accesses are volatile accesses. */
#define __READ_ONCE(x) (*(const volatile __unqual_scalar_typeof(x) *)&(x))
#define READ_ONCE(x) ({ __READ_ONCE(x); })
#define __WRITE_ONCE(x, val) do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)
#define WRITE_ONCE(x, val) do { __WRITE_ONCE(x, val); } while (0)

/*
 * data_race(): with CONFIG_KCSAN the markers are real calls (kcsan.h), so
 * the annotated region is visible in the IR; without KCSAN they vanish, as
 * in the kernel.
 */
#ifdef CONFIG_KCSAN
void kcsan_disable_current(void);
void kcsan_enable_current(void);
#define __kcsan_disable_current kcsan_disable_current
#define __kcsan_enable_current kcsan_enable_current
#else
static inline void __kcsan_disable_current(void) { }
static inline void __kcsan_enable_current(void) { }
#endif
#define data_race(expr)							\
({									\
	__unqual_scalar_typeof(({ expr; })) __v = ({			\
		__kcsan_disable_current();				\
		expr;							\
	});								\
	__kcsan_enable_current();					\
	__v;								\
})

#endif
