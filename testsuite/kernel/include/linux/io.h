/* seam testsuite shim: MMIO (asm/io.h). x86: readl/writel are volatile accesses in inline functions
 * named readl/writel; arm64: __raw_readl/__raw_writel plus the I/O barriers of readl/writel. */
#ifndef _SHIM_LINUX_IO_H
#define _SHIM_LINUX_IO_H

#include <linux/compiler.h>
#include <asm/barrier.h>

#if defined(__x86_64__)
void __iomem *ioremap(resource_size_t offset, unsigned long size);
static inline unsigned int readl(const volatile void __iomem *addr) { return *(const volatile unsigned int __force *)addr; }
static inline void writel(unsigned int val, volatile void __iomem *addr) { *(volatile unsigned int __force *)addr = val; }
#define __raw_readl readl
#define __raw_writel writel
#elif defined(__aarch64__)
void __iomem *ioremap_prot(phys_addr_t phys_addr, size_t size, unsigned long prot);
#define PROT_DEVICE_nGnRE 0x68UL
#define ioremap(addr, size) ioremap_prot((addr), (size), PROT_DEVICE_nGnRE)
static __always_inline u32 __raw_readl(const volatile void __iomem *addr) { return *(const volatile u32 __force *)addr; }
static __always_inline void __raw_writel(u32 val, volatile void __iomem *addr) { *(volatile u32 __force *)addr = val; }
#define __iormb(v) __asm__ __volatile__("dmb oshld" ::: "memory")
#define __iowmb() __asm__ __volatile__("dmb oshst" ::: "memory")
#define readl(c) ({ u32 __v = __raw_readl(c); __iormb(__v); __v; })
#define writel(v, c) ({ __iowmb(); __raw_writel((v), (c)); })
#endif
void iounmap(volatile void __iomem *addr);

#endif
