/* seam testsuite shim: spinlock_t / raw_spinlock_t / rwlock_t as linux/spinlock.h,
 * spinlock_api_smp.h and rwlock_api_smp.h in Linux 6.12.
 *
 * Lock operations call the out-of-line _raw_* functions of kernel/locking/spinlock.c.
 * SHIM_INLINE_SPIN_UNLOCK selects the non-preemptible x86 configuration where
 * spin_unlock is inlined down to queued_spin_unlock's release store of the lock byte. */
#ifndef _SHIM_LINUX_SPINLOCK_H
#define _SHIM_LINUX_SPINLOCK_H

#include <linux/compiler.h>
#include <linux/preempt.h>
#include <asm/barrier.h>

/* asm-generic/qspinlock_types.h */
typedef struct qspinlock {
	union {
		atomic_t val;
		struct { u8 locked; u8 pending; };
		struct { u16 locked_pending; u16 tail; };
	};
} arch_spinlock_t;

typedef struct qrwlock {
	union { atomic_t cnts; struct { u8 wlocked; u8 __lstate[3]; }; };
	arch_spinlock_t wait_lock;
} arch_rwlock_t;

typedef struct raw_spinlock { arch_spinlock_t raw_lock; } raw_spinlock_t;
typedef struct spinlock { union { struct raw_spinlock rlock; }; } spinlock_t;
typedef struct { arch_rwlock_t raw_lock; } rwlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { { .val = ATOMIC_INIT(0) } }
#define __RAW_SPIN_LOCK_UNLOCKED(name) { .raw_lock = __ARCH_SPIN_LOCK_UNLOCKED }
#define __SPIN_LOCK_UNLOCKED(name) { { .rlock = __RAW_SPIN_LOCK_UNLOCKED(name) } }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define DEFINE_RAW_SPINLOCK(x) raw_spinlock_t x = __RAW_SPIN_LOCK_UNLOCKED(x)
#define DEFINE_RWLOCK(x) rwlock_t x = { .raw_lock = { { .cnts = { 0 } } } }
#ifndef ATOMIC_INIT
#define ATOMIC_INIT(i) { (i) }
#endif

/* kernel/locking/spinlock.c */
void _raw_spin_lock(raw_spinlock_t *lock);
void _raw_spin_lock_bh(raw_spinlock_t *lock);
void _raw_spin_lock_irq(raw_spinlock_t *lock);
unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock);
int _raw_spin_trylock(raw_spinlock_t *lock);
void _raw_spin_unlock(raw_spinlock_t *lock);
void _raw_spin_unlock_bh(raw_spinlock_t *lock);
void _raw_spin_unlock_irq(raw_spinlock_t *lock);
void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags);
void _raw_read_lock(rwlock_t *lock);
void _raw_write_lock(rwlock_t *lock);
void _raw_read_unlock(rwlock_t *lock);
void _raw_write_unlock(rwlock_t *lock);
unsigned long _raw_read_lock_irqsave(rwlock_t *lock);
unsigned long _raw_write_lock_irqsave(rwlock_t *lock);
void _raw_read_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
void _raw_write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
void _raw_write_lock_irq(rwlock_t *lock);
void _raw_write_unlock_irq(rwlock_t *lock);
void __raw_spin_lock_init(raw_spinlock_t *lock, const char *name, struct lock_class_key *key, short inner);

#ifdef SHIM_INLINE_SPIN_UNLOCK
/* arch/x86/include/asm/qspinlock.h: a release store to the lock byte. */
static inline void native_queued_spin_unlock(struct qspinlock *lock) { smp_store_release(&lock->locked, 0); }
static inline void queued_spin_unlock(struct qspinlock *lock) { native_queued_spin_unlock(lock); }
#define arch_spin_unlock(l) queued_spin_unlock(l)
static __always_inline void do_raw_spin_unlock(raw_spinlock_t *lock) { arch_spin_unlock(&lock->raw_lock); }
/* include/linux/spinlock_api_smp.h, !CONFIG_UNINLINE_SPIN_UNLOCK */
static inline void __raw_spin_unlock(raw_spinlock_t *lock) { do_raw_spin_unlock(lock); preempt_enable(); }
#undef _raw_spin_unlock
#define _raw_spin_unlock(lock) __raw_spin_unlock(lock)
#endif

/* asm-generic/qspinlock.h: the arch lock itself, taken directly where a
 * spinlock_t cannot be (trace_clock_global). Out of line at -O0, inlined
 * into its caller at -O2, as in the kernel. */
static __always_inline int queued_spin_trylock(struct qspinlock *lock)
{
	int old = 0;
	return __atomic_compare_exchange_n(&lock->val.counter, &old, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}
void queued_spin_lock_slowpath(struct qspinlock *lock, u32 val);
static __always_inline void queued_spin_lock(struct qspinlock *lock)
{
	int old = 0;
	if (__atomic_compare_exchange_n(&lock->val.counter, &old, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return;
	queued_spin_lock_slowpath(lock, old);
}
#ifndef SHIM_INLINE_SPIN_UNLOCK
static __always_inline void queued_spin_unlock(struct qspinlock *lock) { smp_store_release(&lock->locked, 0); }
#define arch_spin_unlock(l) queued_spin_unlock(l)
#endif
#define arch_spin_trylock(l) queued_spin_trylock(l)
#define arch_spin_lock(l) queued_spin_lock(l)

#define raw_spin_lock_init(lock) do { *(lock) = (raw_spinlock_t)__RAW_SPIN_LOCK_UNLOCKED(lock); } while (0)
#define raw_spin_lock(lock) _raw_spin_lock(lock)
#define raw_spin_lock_bh(lock) _raw_spin_lock_bh(lock)
#define raw_spin_lock_irq(lock) _raw_spin_lock_irq(lock)
#define raw_spin_lock_irqsave(lock, flags) do { flags = _raw_spin_lock_irqsave(lock); } while (0)
#define raw_spin_trylock(lock) _raw_spin_trylock(lock)
#define raw_spin_unlock(lock) _raw_spin_unlock(lock)
#define raw_spin_unlock_bh(lock) _raw_spin_unlock_bh(lock)
#define raw_spin_unlock_irq(lock) _raw_spin_unlock_irq(lock)
#define raw_spin_unlock_irqrestore(lock, flags) do { _raw_spin_unlock_irqrestore(lock, flags); } while (0)

static __always_inline raw_spinlock_t *spinlock_check(spinlock_t *lock) { return &lock->rlock; }
#define spin_lock_init(_lock) do { spinlock_check(_lock); *(_lock) = (spinlock_t)__SPIN_LOCK_UNLOCKED(_lock); } while (0)

static __always_inline void spin_lock(spinlock_t *lock) { raw_spin_lock(&lock->rlock); }
static __always_inline void spin_lock_bh(spinlock_t *lock) { raw_spin_lock_bh(&lock->rlock); }
static __always_inline void spin_lock_irq(spinlock_t *lock) { raw_spin_lock_irq(&lock->rlock); }
#define spin_lock_irqsave(lock, flags) do { raw_spin_lock_irqsave(spinlock_check(lock), flags); } while (0)
static __always_inline int spin_trylock(spinlock_t *lock) { return raw_spin_trylock(&lock->rlock); }
static __always_inline void spin_unlock(spinlock_t *lock) { raw_spin_unlock(&lock->rlock); }
static __always_inline void spin_unlock_bh(spinlock_t *lock) { raw_spin_unlock_bh(&lock->rlock); }
static __always_inline void spin_unlock_irq(spinlock_t *lock) { raw_spin_unlock_irq(&lock->rlock); }
static __always_inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{ raw_spin_unlock_irqrestore(&lock->rlock, flags); }

#define rwlock_init(lock) do { *(lock) = (rwlock_t){ .raw_lock = { { .cnts = { 0 } } } }; } while (0)
#define read_lock(lock) _raw_read_lock(lock)
#define write_lock(lock) _raw_write_lock(lock)
#define read_unlock(lock) _raw_read_unlock(lock)
#define write_unlock(lock) _raw_write_unlock(lock)
#define read_lock_irqsave(lock, flags) do { flags = _raw_read_lock_irqsave(lock); } while (0)
#define write_lock_irqsave(lock, flags) do { flags = _raw_write_lock_irqsave(lock); } while (0)
#define read_unlock_irqrestore(lock, flags) _raw_read_unlock_irqrestore(lock, flags)
#define write_unlock_irqrestore(lock, flags) _raw_write_unlock_irqrestore(lock, flags)
#define write_lock_irq(lock) _raw_write_lock_irq(lock)
#define write_unlock_irq(lock) _raw_write_unlock_irq(lock)

#endif
