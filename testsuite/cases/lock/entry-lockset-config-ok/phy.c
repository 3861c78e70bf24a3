// negative: the PHY core calls .read_status with phydev->lock held (declared in seam.toml); the IRQ handler takes the same lock.
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>

struct phy_device {
	spinlock_t lock;
	int link;
};

struct phy_driver {
	int (*read_status)(struct phy_device *phydev);
};

static int my_read_status(struct phy_device *phydev)
{
	phydev->link = 1;	/* caller holds phydev->lock */
	return 0;
}

static irqreturn_t my_phy_irq(int irq, void *data)
{
	struct phy_device *phydev = data;

	spin_lock(&phydev->lock);
	phydev->link = 0;
	spin_unlock(&phydev->lock);
	return IRQ_HANDLED;
}

struct phy_driver my_phy_driver = { .read_status = my_read_status };

int my_phy_probe(struct phy_device *phydev)
{
	return request_irq(5, my_phy_irq, 0, "phy", phydev);
}
