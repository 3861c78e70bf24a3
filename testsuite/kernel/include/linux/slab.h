/* seam testsuite shim: kmalloc/kzalloc/kfree (linux/slab.h, !CONFIG_MEM_ALLOC_PROFILING). */
#ifndef _SHIM_LINUX_SLAB_H
#define _SHIM_LINUX_SLAB_H

#include <linux/compiler.h>

#define GFP_KERNEL 0xcc0u
#define GFP_ATOMIC 0x820u
#define __GFP_ZERO 0x100u

struct kmem_cache;
extern struct kmem_cache *kmalloc_caches[4][14];
#define KMALLOC_MAX_CACHE_SIZE 8192

void *__kmalloc_noprof(size_t size, gfp_t flags) __attribute__((__malloc__, __alloc_size__(1)));
void *__kmalloc_cache_noprof(struct kmem_cache *s, gfp_t flags, size_t size) __attribute__((__malloc__, __alloc_size__(3)));
void *__kmalloc_large_noprof(size_t size, gfp_t flags) __attribute__((__malloc__, __alloc_size__(1)));
void kfree(const void *objp);

static __always_inline unsigned int kmalloc_index(size_t size)
{
	unsigned int i = 3;

	while ((1UL << i) < size)
		i++;
	return i;
}

/* Constant sizes go to a kmalloc cache, others to __kmalloc_noprof (6.12). */
static __always_inline void *kmalloc_noprof(size_t size, gfp_t flags)
{
	if (__builtin_constant_p(size) && size) {
		if (size > KMALLOC_MAX_CACHE_SIZE)
			return __kmalloc_large_noprof(size, flags);
		return __kmalloc_cache_noprof(kmalloc_caches[0][kmalloc_index(size)], flags, size);
	}
	return __kmalloc_noprof(size, flags);
}
#define kmalloc(...) kmalloc_noprof(__VA_ARGS__)
static inline void *kzalloc_noprof(size_t size, gfp_t flags) { return kmalloc_noprof(size, flags | __GFP_ZERO); }
#define kzalloc(...) kzalloc_noprof(__VA_ARGS__)

#endif
