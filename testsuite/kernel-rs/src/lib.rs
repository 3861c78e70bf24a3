//! seam testsuite: a `#![no_std]` crate named `kernel` mirroring the shapes
//! of the Rust-for-Linux `kernel` crate (Linux 6.12 and the atomics of later
//! releases) that matter to seam: helpers reached through `rust_helper_*`
//! symbols, locks whose guards unlock on drop, LKMM atomics, RCU guards and
//! module registration. Not kernel code; written for the test corpus.
#![no_std]

pub mod bindings;
pub mod error;
pub mod module;
pub mod rcu;
pub mod sync;
pub mod types;

pub use error::{Error, Result};
pub use module::{Module, ThisModule};

/// `kernel::prelude`.
pub mod prelude {
    pub use crate::error::{code, Error, Result};
    pub use crate::module::{Module, ThisModule};
    pub use crate::sync::{Mutex, SpinLock};
    pub use crate::types::Opaque;
}

/// The address of the struct containing the field `$ptr` points to, as in
/// rust/kernel/lib.rs.
#[macro_export]
macro_rules! container_of {
    ($ptr:expr, $type:ty, $($f:tt)*) => {{
        let ptr = $ptr as *const _ as *const u8;
        let offset: usize = ::core::mem::offset_of!($type, $($f)*);
        ptr.wrapping_sub(offset) as *const $type
    }};
}
