//! Rules: pair accesses per location, decide which pairs are findings.
//!
//! One module per rule holds the rule's documentation (its `//!` comment is
//! the single source for `seam explain`, `docs/rules/*.md` and SARIF
//! `help.markdown`) and its [`catalog::RuleInfo`]; [`catalog`] lists them.

mod finding;
pub use finding::*;

pub mod catalog;

pub mod data_race;
pub mod ffi_data_race;
pub mod ffi_layout_mismatch;
pub mod ffi_lock_imbalance;
pub mod ffi_lock_mismatch;
pub mod ffi_tiny_call;
pub mod lock_order_inversion;
pub mod missing_acquire;
pub mod missing_release;
pub mod rust_mmio_volatile;
pub mod rust_native_atomic;
pub mod rust_native_lock;
pub mod rust_volatile_dependency;
pub mod sleep_in_atomic;

pub mod engine;
