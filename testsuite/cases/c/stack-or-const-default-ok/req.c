// ok: the IRQ handler and the ioctl each fill a request on their own stack,
// or fall back to a read-only default; one helper reads whichever it gets.
// Points-to merges the two stack requests and the const default into one
// object, but none of it is shared: stack slots belong to their thread and
// a const global is never written.
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/fs.h>

struct req {
	int op;
	int len;
};

static const struct req default_req = { .op = 1, .len = 64 };
static int last_len;

static noinline int req_cost(const struct req *r)
{
	return r->op * r->len;
}

static irqreturn_t req_irq(int irq, void *data)
{
	struct req r;
	const struct req *use = &default_req;

	if (irq > 40) {
		r.op = 2;
		r.len = irq;
		use = &r;
	}
	WRITE_ONCE(last_len, req_cost(use));
	return IRQ_HANDLED;
}

static long req_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct req r;
	const struct req *use = &default_req;

	if (cmd) {
		r.op = cmd;
		r.len = arg;
		use = &r;
	}
	return req_cost(use) + READ_ONCE(last_len);
}

static const struct file_operations req_fops = { .owner = THIS_MODULE, .unlocked_ioctl = req_ioctl };
static struct miscdevice req_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "req", .fops = &req_fops };

static int __init req_init(void)
{
	if (request_irq(44, req_irq, 0, "req", NULL))
		return -EBUSY;
	return misc_register(&req_misc);
}
module_init(req_init);
