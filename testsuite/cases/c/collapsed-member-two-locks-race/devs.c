// positive: as collapsed-member-by-type-race (one `struct base_dev`
// object, collapsed because both drivers remember their device in one
// `void *`), and both writes of `struct foo_dev.tx` hold a lock, but not
// the same one: `f->lock` in one callback, `f->stats_lock` in the other.
// In the collapsed object the two are one lock to points-to; the
// acquisitions' static types tell them apart.
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/spinlock.h>

struct base_dev {
	int id;
};

struct base_ops {
	void (*kick)(struct base_dev *b);
	void (*poll)(struct base_dev *b);
};

extern int base_register(const struct base_ops *ops);

struct foo_dev {
	spinlock_t lock;
	spinlock_t stats_lock;
	unsigned long tx;
	struct base_dev base;
};

struct bar_dev {
	struct base_dev base;
	spinlock_t lock;
	unsigned long rx;
};

static void *last_dev;

static void foo_kick(struct base_dev *b)
{
	struct foo_dev *f = container_of(b, struct foo_dev, base);

	WRITE_ONCE(last_dev, f);
	spin_lock(&f->lock);
	f->tx++; // expect: data-race
	spin_unlock(&f->lock);
}

static void foo_poll(struct base_dev *b)
{
	struct foo_dev *f = container_of(b, struct foo_dev, base);

	spin_lock(&f->stats_lock);
	f->tx = 0; // expect: data-race
	spin_unlock(&f->stats_lock);
}

static void bar_kick(struct base_dev *b)
{
	struct bar_dev *r = container_of(b, struct bar_dev, base);

	WRITE_ONCE(last_dev, r);
	spin_lock(&r->lock);
	r->rx++;
	spin_unlock(&r->lock);
}

static const struct base_ops foo_ops = { .kick = foo_kick, .poll = foo_poll };
static const struct base_ops bar_ops = { .kick = bar_kick };

static int __init devs_init(void)
{
	base_register(&foo_ops);
	return base_register(&bar_ops);
}
module_init(devs_init);
