/* seam testsuite shim: seqcount_t / seqlock_t readers and writers (linux/seqlock.h). */
#ifndef _SHIM_LINUX_SEQLOCK_H
#define _SHIM_LINUX_SEQLOCK_H

#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <asm/barrier.h>

typedef struct seqcount { unsigned sequence; } seqcount_t;
typedef struct { seqcount_t seqcount; spinlock_t lock; } seqlock_t;

#define seqlock_init(sl) do { (sl)->seqcount.sequence = 0; spin_lock_init(&(sl)->lock); } while (0)

static inline unsigned read_seqcount_begin(const seqcount_t *s)
{
	unsigned seq;
	while ((seq = READ_ONCE(s->sequence)) & 1)
		;
	smp_rmb();
	return seq;
}
static inline int read_seqcount_retry(const seqcount_t *s, unsigned start)
{
	smp_rmb();
	return unlikely(READ_ONCE(s->sequence) != start);
}
static inline void write_seqcount_begin(seqcount_t *s)
{
	WRITE_ONCE(s->sequence, s->sequence + 1);
	smp_wmb();
}
static inline void write_seqcount_end(seqcount_t *s)
{
	smp_wmb();
	WRITE_ONCE(s->sequence, s->sequence + 1);
}
static inline unsigned read_seqbegin(const seqlock_t *sl) { return read_seqcount_begin(&sl->seqcount); }
static inline unsigned read_seqretry(const seqlock_t *sl, unsigned start) { return read_seqcount_retry(&sl->seqcount, start); }
static inline void write_seqlock(seqlock_t *sl) { spin_lock(&sl->lock); write_seqcount_begin(&sl->seqcount); }
static inline void write_sequnlock(seqlock_t *sl) { write_seqcount_end(&sl->seqcount); spin_unlock(&sl->lock); }

#endif
