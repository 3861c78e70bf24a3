/* seam testsuite shim: file_operations and char devices (linux/fs.h, linux/miscdevice.h). */
#ifndef _SHIM_LINUX_FS_H
#define _SHIM_LINUX_FS_H

#include <linux/kernel.h>

struct module;
struct inode { umode_t i_mode; unsigned long i_ino; void *i_private; };
struct file { void *private_data; unsigned int f_flags; loff_t f_pos; };
struct poll_table_struct;

struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *, loff_t, int);
	ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
	unsigned int (*poll)(struct file *, struct poll_table_struct *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	int (*open)(struct inode *, struct file *);
	int (*release)(struct inode *, struct file *);
};

struct miscdevice {
	int minor;
	const char *name;
	const struct file_operations *fops;
};
#define MISC_DYNAMIC_MINOR 255
int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);

#endif
