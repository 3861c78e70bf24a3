//! Rust accesses `ioremap()`ed device memory with `read_volatile` /
//! `write_volatile` instead of the kernel's MMIO accessors.
//!
//! ## What it does
//!
//! Tracks pointers returned by MMIO mappers (`ioremap()`,
//! `devm_ioremap_resource()`, `pci_iomap()`, `kernel::io_mem`, …) and
//! reports Rust volatile loads and stores through them that do not go
//! through `readl()`/`writel()` and friends (or the Rust `kernel::io`
//! abstractions built on them).
//!
//! ## Why is this bad?
//!
//! The accessors are not just volatile loads and stores; what they add is
//! architecture-specific:
//!
//! - ordering: on arm64, `writel()` issues a write barrier before the store
//!   and `readl()` a read barrier after the load, so DMA buffers written
//!   before a doorbell write are visible to the device, and data read after
//!   a status read is not stale;
//! - on PowerPC the accessors set the per-CPU `io_sync` flag, and
//!   `spin_unlock()` then issues a `sync`, so MMIO writes inside a critical
//!   section reach the device before the next lock holder's writes; a
//!   volatile store skips this;
//! - byte order: `readl()`/`writel()` access little-endian registers, and on
//!   big-endian kernels a volatile `u32` access returns swapped bytes;
//! - some architectures need special instructions or I/O-port access
//!   behind `ioread32()`/`iowrite32()`.
//!
//! Code that works on x86 then fails on arm64, PowerPC or big-endian
//! systems.
//!
//! ## Example
//!
//! ```rust,ignore
//! let regs = unsafe { bindings::ioremap(res.start, 0x100) } as *mut u32;
//! unsafe { core::ptr::write_volatile(regs.add(CTRL / 4), CTRL_START) };
//! ```
//!
//! Use instead:
//!
//! ```rust,ignore
//! // kernel::io::Io / IoMem accessors, or the C helpers:
//! unsafe { bindings::writel(CTRL_START, regs.add(CTRL / 4).cast()) };
//! ```

use super::catalog::RuleInfo;
use super::Level;

pub const RULE: RuleInfo = RuleInfo {
    id: "rust-mmio-volatile",
    name: "RustMmioVolatile",
    level: Level::Note,
    short_description: "Rust volatile access to ioremap'd memory instead of readl/writel",
    help: "use the kernel MMIO accessors (readl/writel, kernel::io) instead of read_volatile/write_volatile",
    tags: &["mmio", "ffi", "portability", "memory-ordering"],
    precision: "high",
};
