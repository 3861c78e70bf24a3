// ok: a registry holds its mutex and two lists; one generic helper links
// nodes into either list, so points-to sees the registry at two offsets of
// itself and stops telling its fields apart. The mutex is still one lock,
// taken by the global's own address, and both kthreads hold it around
// every update of the counter beside the registry.
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/slab.h>

struct registry {
	struct mutex lock;
	struct list_head active;
	struct list_head retired;
};

static unsigned long nr_items;

static struct registry reg = {
	.lock = { .wait_list = { &reg.lock.wait_list, &reg.lock.wait_list } },
	.active = { &reg.active, &reg.active },
	.retired = { &reg.retired, &reg.retired },
};

struct item {
	struct list_head node;
	int id;
};

static noinline void link_after(struct list_head *new, struct list_head *head)
{
	new->next = head->next;
	new->prev = head;
	head->next->prev = new;
	head->next = new;
}

static int producer(void *data)
{
	while (!kthread_should_stop()) {
		struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);

		mutex_lock(&reg.lock);
		link_after(&it->node, &reg.active);
		nr_items++;
		mutex_unlock(&reg.lock);
	}
	return 0;
}

static int reaper(void *data)
{
	while (!kthread_should_stop()) {
		struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);

		mutex_lock(&reg.lock);
		link_after(&it->node, &reg.retired);
		nr_items--;
		mutex_unlock(&reg.lock);
	}
	return 0;
}

static int __init reg_init(void)
{
	kthread_run(producer, NULL, "producer");
	kthread_run(reaper, NULL, "reaper");
	return 0;
}
module_init(reg_init);
