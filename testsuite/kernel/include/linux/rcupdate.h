/* seam testsuite shim: RCU readers and publication (linux/rcupdate.h).
 * Default is the non-preemptible configuration where __rcu_read_lock() is
 * preempt_disable(); CONFIG_PREEMPT_RCU makes them calls into kernel/rcu/tree_plugin.h. */
#ifndef _SHIM_LINUX_RCUPDATE_H
#define _SHIM_LINUX_RCUPDATE_H

#include <linux/compiler.h>
#include <linux/preempt.h>
#include <asm/barrier.h>

#ifdef CONFIG_PREEMPT_RCU
void __rcu_read_lock(void);
void __rcu_read_unlock(void);
#else
static inline void __rcu_read_lock(void) { preempt_disable(); }
static inline void __rcu_read_unlock(void) { preempt_enable(); }
#endif

static __always_inline void rcu_read_lock(void) { __rcu_read_lock(); }
static inline void rcu_read_unlock(void) { __rcu_read_unlock(); }

void synchronize_rcu(void);
struct rcu_head { struct rcu_head *next; void (*func)(struct rcu_head *head); };
void call_rcu(struct rcu_head *head, void (*func)(struct rcu_head *head));

#define rcu_dereference(p) ({ __typeof__(*p) *________p1 = (__typeof__(*p) *)READ_ONCE(p); ________p1; })
#define rcu_dereference_protected(p, c) (p)
#define rcu_access_pointer(p) READ_ONCE(p)
#define rcu_assign_pointer(p, v) do { smp_store_release(&p, (v)); } while (0)
#define RCU_INIT_POINTER(p, v) do { WRITE_ONCE(p, (v)); } while (0)

#endif
