// positive: `struct base_dev` is embedded in two drivers' devices at two
// offsets, and both drivers remember their device in one `void *`, so
// unification sees one object at two offsets of itself and collapses it.
// The accesses still say which member of which type they touch:
// `f->tx` is `struct foo_dev.tx`, written under `f->lock` by one
// callback and without it by another.
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

	f->tx = 0; // expect: data-race
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
