/* seam testsuite shim: CPU feature tests, as arch/x86/include/asm/cpufeature.h.
 * The kernel patches the jump when it applies the alternatives at boot; from
 * then on a feature bit's test always takes the same branch. */
#ifndef _SHIM_ASM_CPUFEATURE_H
#define _SHIM_ASM_CPUFEATURE_H

#include <linux/types.h>

#define X86_FEATURE_INDIRECT_THUNK_ITS	(21*32 + 5)
#define X86_FEATURE_RETPOLINE		(7*32 + 12)

static __always_inline bool _static_cpu_has(u16 bit)
{
#if defined(__x86_64__)
	asm goto("1: jmp %l[t_no]\n" : : "i" (bit) : : t_no);
#else
	asm goto("1: b %l[t_no]\n" : : "i" (bit) : : t_no);
#endif
	return true;
t_no:
	return false;
}

#define static_cpu_has(bit)		_static_cpu_has(bit)
#define cpu_feature_enabled(bit)	_static_cpu_has(bit)

#endif
