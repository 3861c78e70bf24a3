/* seam testsuite shim: container_of and friends (include/linux/container_of.h). */
#ifndef _SHIM_LINUX_KERNEL_H
#define _SHIM_LINUX_KERNEL_H

#include <linux/compiler.h>

#define container_of(ptr, type, member) ({				\
	void *__mptr = (void *)(ptr);					\
	((type *)(__mptr - offsetof(type, member))); })

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define EINVAL 22
#define ENOMEM 12
#define EFAULT 14
#define EBUSY 16
#define EINTR 4
#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)
static inline bool IS_ERR(const void *ptr) { return IS_ERR_VALUE((unsigned long)ptr); }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }

int printk(const char *fmt, ...);
#define pr_info(fmt, ...) printk(fmt, ##__VA_ARGS__)

#endif
