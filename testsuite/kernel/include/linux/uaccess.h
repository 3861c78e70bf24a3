/* seam testsuite shim: user copies (linux/uaccess.h, out-of-line _copy_*_user). */
#ifndef _SHIM_LINUX_UACCESS_H
#define _SHIM_LINUX_UACCESS_H

#include <linux/compiler.h>

unsigned long _copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long _copy_to_user(void __user *to, const void *from, unsigned long n);
static __always_inline unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{ return _copy_from_user(to, from, n); }
static __always_inline unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{ return _copy_to_user(to, from, n); }
int __get_user_4(void);

#endif
