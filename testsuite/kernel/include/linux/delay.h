/* seam testsuite shim: linux/delay.h */
#include <linux/sched.h>
