/* seam testsuite shim: atomic_t/atomic64_t as arch/{x86,arm64}/include/asm/atomic*.h and the
 * generated linux/atomic/atomic-{instrumented,arch-fallback}.h (atomic_X -> raw_atomic_X -> arch_atomic_X). */
#ifndef _SHIM_LINUX_ATOMIC_H
#define _SHIM_LINUX_ATOMIC_H

#include <linux/compiler.h>
#include <asm/barrier.h>

#define ATOMIC_INIT(i) { (i) }

static __always_inline int arch_atomic_read(const atomic_t *v) { return __READ_ONCE((v)->counter); }
static __always_inline void arch_atomic_set(atomic_t *v, int i) { __WRITE_ONCE(v->counter, i); }
static __always_inline s64 arch_atomic64_read(const atomic64_t *v) { return __READ_ONCE((v)->counter); }
static __always_inline void arch_atomic64_set(atomic64_t *v, s64 i) { __WRITE_ONCE(v->counter, i); }
static __always_inline int arch_atomic_read_acquire(const atomic_t *v) { return smp_load_acquire(&(v)->counter); }
static __always_inline void arch_atomic_set_release(atomic_t *v, int i) { smp_store_release(&(v)->counter, i); }

#if defined(__x86_64__)
#define LOCK_PREFIX "lock; "
static __always_inline void arch_atomic_add(int i, atomic_t *v)
{ __asm__ __volatile__(LOCK_PREFIX "addl %1,%0" : "+m" (v->counter) : "ir" (i) : "memory"); }
static __always_inline void arch_atomic_sub(int i, atomic_t *v)
{ __asm__ __volatile__(LOCK_PREFIX "subl %1,%0" : "+m" (v->counter) : "ir" (i) : "memory"); }
static __always_inline void arch_atomic_inc(atomic_t *v)
{ __asm__ __volatile__(LOCK_PREFIX "incl %0" : "+m" (v->counter) :: "memory"); }
static __always_inline void arch_atomic_dec(atomic_t *v)
{ __asm__ __volatile__(LOCK_PREFIX "decl %0" : "+m" (v->counter) :: "memory"); }
static __always_inline int arch_atomic_add_return(int i, atomic_t *v)
{
	int old = i;
	__asm__ __volatile__(LOCK_PREFIX "xaddl %0, %1" : "+r" (old), "+m" (v->counter) : : "memory", "cc");
	return i + old;
}
static __always_inline int arch_atomic_cmpxchg(atomic_t *v, int old, int new)
{
	int ret;
	__asm__ __volatile__(LOCK_PREFIX "cmpxchgl %2,%1" : "=a" (ret), "+m" (v->counter) : "r" (new), "0" (old) : "memory");
	return ret;
}
static __always_inline int arch_atomic_xchg(atomic_t *v, int new)
{
	__asm__ __volatile__("xchgl %0, %1" : "+r" (new), "+m" (v->counter) : : "memory", "cc");
	return new;
}
static __always_inline void arch_atomic64_add(s64 i, atomic64_t *v)
{ __asm__ __volatile__(LOCK_PREFIX "addq %1,%0" : "+m" (v->counter) : "er" (i) : "memory"); }
static __always_inline void arch_atomic64_inc(atomic64_t *v)
{ __asm__ __volatile__(LOCK_PREFIX "incq %0" : "+m" (v->counter) :: "memory"); }
static __always_inline s64 arch_atomic64_add_return(s64 i, atomic64_t *v)
{
	s64 old = i;
	__asm__ __volatile__(LOCK_PREFIX "xaddq %q0, %1" : "+r" (old), "+m" (v->counter) : : "memory", "cc");
	return i + old;
}
#elif defined(__aarch64__) && defined(CONFIG_ARM64_LSE_ATOMICS)
/* arch/arm64/include/asm/atomic_lse.h */
static __always_inline void arch_atomic_add(int i, atomic_t *v)
{ __asm__ __volatile__(".arch_extension lse\n stadd %w[i], %[v]" : [v] "+Q" (v->counter) : [i] "r" (i)); }
static __always_inline void arch_atomic_sub(int i, atomic_t *v) { arch_atomic_add(-i, v); }
static __always_inline void arch_atomic_inc(atomic_t *v) { arch_atomic_add(1, v); }
static __always_inline void arch_atomic_dec(atomic_t *v) { arch_atomic_add(-1, v); }
static __always_inline int arch_atomic_add_return(int i, atomic_t *v)
{
	int old;
	__asm__ __volatile__(".arch_extension lse\n ldaddal %w[i], %w[old], %[v]" : [v] "+Q" (v->counter), [old] "=r" (old) : [i] "r" (i) : "memory");
	return old + i;
}
static __always_inline int arch_atomic_cmpxchg(atomic_t *v, int old, int new)
{
	int x0 = old;
	__asm__ __volatile__(".arch_extension lse\n casal %w[x0], %w[new], %[v]" : [v] "+Q" (v->counter), [x0] "+r" (x0) : [new] "r" (new) : "memory");
	return x0;
}
static __always_inline int arch_atomic_xchg(atomic_t *v, int new)
{
	int old;
	__asm__ __volatile__(".arch_extension lse\n swpal %w[new], %w[old], %[v]" : [v] "+Q" (v->counter), [old] "=r" (old) : [new] "r" (new) : "memory");
	return old;
}
static __always_inline void arch_atomic64_add(s64 i, atomic64_t *v)
{ __asm__ __volatile__(".arch_extension lse\n stadd %[i], %[v]" : [v] "+Q" (v->counter) : [i] "r" (i)); }
static __always_inline void arch_atomic64_inc(atomic64_t *v) { arch_atomic64_add(1, v); }
static __always_inline s64 arch_atomic64_add_return(s64 i, atomic64_t *v)
{
	s64 old;
	__asm__ __volatile__(".arch_extension lse\n ldaddal %[i], %[old], %[v]" : [v] "+Q" (v->counter), [old] "=r" (old) : [i] "r" (i) : "memory");
	return old + i;
}
#elif defined(__aarch64__)
/* arch/arm64/include/asm/atomic_ll_sc.h: LL/SC loops; value-returning ops are fully ordered. */
static __always_inline void arch_atomic_add(int i, atomic_t *v)
{
	unsigned long tmp; int result;
	__asm__ __volatile__("1: ldxr %w0, %2\n add %w0, %w0, %w3\n stxr %w1, %w0, %2\n cbnz %w1, 1b"
		: "=&r" (result), "=&r" (tmp), "+Q" (v->counter) : "Ir" (i));
}
static __always_inline void arch_atomic_sub(int i, atomic_t *v) { arch_atomic_add(-i, v); }
static __always_inline void arch_atomic_inc(atomic_t *v) { arch_atomic_add(1, v); }
static __always_inline void arch_atomic_dec(atomic_t *v) { arch_atomic_add(-1, v); }
static __always_inline int arch_atomic_add_return(int i, atomic_t *v)
{
	unsigned long tmp; int result;
	__asm__ __volatile__("1: ldxr %w0, %2\n add %w0, %w0, %w3\n stlxr %w1, %w0, %2\n cbnz %w1, 1b\n dmb ish"
		: "=&r" (result), "=&r" (tmp), "+Q" (v->counter) : "Ir" (i) : "memory");
	return result;
}
static __always_inline int arch_atomic_cmpxchg(atomic_t *v, int old, int new)
{
	unsigned long tmp; int oldval;
	__asm__ __volatile__("1: ldxr %w[oldval], %[v]\n eor %w[tmp], %w[oldval], %w[old]\n cbnz %w[tmp], 2f\n"
		" stlxr %w[tmp], %w[new], %[v]\n cbnz %w[tmp], 1b\n dmb ish\n2:"
		: [tmp] "=&r" (tmp), [oldval] "=&r" (oldval), [v] "+Q" (v->counter)
		: [old] "r" (old), [new] "r" (new) : "memory");
	return oldval;
}
static __always_inline int arch_atomic_xchg(atomic_t *v, int new)
{
	unsigned long tmp; int ret;
	__asm__ __volatile__("1: ldxr %w0, %2\n stlxr %w1, %w3, %2\n cbnz %w1, 1b\n dmb ish"
		: "=&r" (ret), "=&r" (tmp), "+Q" (v->counter) : "r" (new) : "memory");
	return ret;
}
static __always_inline void arch_atomic64_add(s64 i, atomic64_t *v)
{
	unsigned long tmp; s64 result;
	__asm__ __volatile__("1: ldxr %0, %2\n add %0, %0, %3\n stxr %w1, %0, %2\n cbnz %w1, 1b"
		: "=&r" (result), "=&r" (tmp), "+Q" (v->counter) : "Ir" (i));
}
static __always_inline void arch_atomic64_inc(atomic64_t *v) { arch_atomic64_add(1, v); }
static __always_inline s64 arch_atomic64_add_return(s64 i, atomic64_t *v)
{
	unsigned long tmp; s64 result;
	__asm__ __volatile__("1: ldxr %0, %2\n add %0, %0, %3\n stlxr %w1, %0, %2\n cbnz %w1, 1b\n dmb ish"
		: "=&r" (result), "=&r" (tmp), "+Q" (v->counter) : "Ir" (i) : "memory");
	return result;
}
#endif

/* linux/atomic/atomic-arch-fallback.h: raw_ wrappers. */
#define raw_atomic_read arch_atomic_read
#define raw_atomic_set arch_atomic_set

/* linux/atomic/atomic-instrumented.h: the API drivers call (KASAN/KCSAN hooks elided). */
static __always_inline int atomic_read(const atomic_t *v) { return arch_atomic_read(v); }
static __always_inline int atomic_read_acquire(const atomic_t *v) { return arch_atomic_read_acquire(v); }
static __always_inline void atomic_set(atomic_t *v, int i) { arch_atomic_set(v, i); }
static __always_inline void atomic_set_release(atomic_t *v, int i) { arch_atomic_set_release(v, i); }
static __always_inline void atomic_add(int i, atomic_t *v) { arch_atomic_add(i, v); }
static __always_inline void atomic_sub(int i, atomic_t *v) { arch_atomic_sub(i, v); }
static __always_inline void atomic_inc(atomic_t *v) { arch_atomic_inc(v); }
static __always_inline void atomic_dec(atomic_t *v) { arch_atomic_dec(v); }
static __always_inline int atomic_add_return(int i, atomic_t *v) { return arch_atomic_add_return(i, v); }
static __always_inline int atomic_inc_return(atomic_t *v) { return arch_atomic_add_return(1, v); }
static __always_inline int atomic_dec_return(atomic_t *v) { return arch_atomic_add_return(-1, v); }
static __always_inline bool atomic_dec_and_test(atomic_t *v) { return arch_atomic_add_return(-1, v) == 0; }
static __always_inline int atomic_cmpxchg(atomic_t *v, int old, int new) { return arch_atomic_cmpxchg(v, old, new); }
static __always_inline int atomic_xchg(atomic_t *v, int new) { return arch_atomic_xchg(v, new); }
static __always_inline s64 atomic64_read(const atomic64_t *v) { return arch_atomic64_read(v); }
static __always_inline void atomic64_set(atomic64_t *v, s64 i) { arch_atomic64_set(v, i); }
static __always_inline void atomic64_add(s64 i, atomic64_t *v) { arch_atomic64_add(i, v); }
static __always_inline void atomic64_inc(atomic64_t *v) { arch_atomic64_inc(v); }
static __always_inline s64 atomic64_add_return(s64 i, atomic64_t *v) { return arch_atomic64_add_return(i, v); }

/* Bit ops used by tasklet_schedule (asm/bitops.h: locked bts / LL-SC orr). */
static __always_inline bool test_and_set_bit(long nr, volatile unsigned long *addr)
{
	atomic_t *word = (atomic_t *)addr;
	int mask = 1 << nr, old;
	do {
		old = atomic_read(word);
	} while (atomic_cmpxchg(word, old, old | mask) != old);
	return old & mask;
}

#endif
