//! Memory: what "the same location" means.
//!
//! Unification-based points-to (Steensgaard) with byte offsets, over the
//! whole program at once, so a pointer passed from C to Rust names the same
//! abstract object on both sides. Each abstract object is a union-find node;
//! a pointer is `(node, byte offset)`. Merging two nodes at different offsets
//! (a `container_of`, a pointer to a field unified with a pointer to the
//! whole) links one under the other with a *delta*, so field offsets stay
//! meaningful; only a real conflict (one object seen at two offsets of
//! itself) collapses a node to a single field.
//!
//! Indirect calls and thread registrations are resolved during solving:
//! whenever the node a function pointer points to gains a function, that
//! function's parameters are unified with the call's arguments.

mod closures;
mod inert;
pub(crate) mod naming;
mod prototype;
mod slots;
mod solver;

pub use naming::{
    access_type_location, is_lock_type, lock_member_path, member_path, static_location_name,
    static_lock_key, static_type_location, TypeLocation,
};
pub(crate) use solver::strip_alias;
pub use solver::{Instance, Memory, NodeId, Origin, Ptr, SpawnSite};

/// Seconds spent so far promoting pointer slots (see `slots`; for
/// `SEAM_TIMINGS`).
pub fn promote_seconds() -> f64 {
    slots::PROMOTE_NANOS.load(std::sync::atomic::Ordering::Relaxed) as f64 / 1e9
}
