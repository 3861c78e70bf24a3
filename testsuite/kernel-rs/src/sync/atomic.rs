//! `kernel::sync::atomic`: LKMM atomics over the C `atomic_t`/`atomic64_t`
//! API, with the ordering chosen by a type (as in later kernels'
//! rust/kernel/sync/atomic.rs).

use crate::bindings;
use crate::types::Opaque;

pub mod ordering {
    /// No ordering (`atomic_*_relaxed`, `atomic_read`/`atomic_set`).
    #[derive(Clone, Copy)]
    pub struct Relaxed;
    /// ACQUIRE (`atomic_read_acquire`, `_acquire` RMWs).
    #[derive(Clone, Copy)]
    pub struct Acquire;
    /// RELEASE (`atomic_set_release`, `_release` RMWs).
    #[derive(Clone, Copy)]
    pub struct Release;
    /// Fully ordered (value-returning RMWs without suffix).
    #[derive(Clone, Copy)]
    pub struct Full;

    #[derive(Clone, Copy, PartialEq, Eq)]
    pub enum Kind {
        Relaxed,
        Acquire,
        Release,
        Full,
    }
    pub trait Any: Copy {
        const KIND: Kind;
    }
    impl Any for Relaxed {
        const KIND: Kind = Kind::Relaxed;
    }
    impl Any for Acquire {
        const KIND: Kind = Kind::Acquire;
    }
    impl Any for Release {
        const KIND: Kind = Kind::Release;
    }
    impl Any for Full {
        const KIND: Kind = Kind::Full;
    }
    /// Orderings a load may have.
    pub trait AcquireOrRelaxed: Any {}
    impl AcquireOrRelaxed for Relaxed {}
    impl AcquireOrRelaxed for Acquire {}
    /// Orderings a store may have.
    pub trait ReleaseOrRelaxed: Any {}
    impl ReleaseOrRelaxed for Relaxed {}
    impl ReleaseOrRelaxed for Release {}
}

use ordering::Kind;
pub use ordering::{Acquire, Full, Relaxed, Release};

/// Types with an LKMM atomic implementation.
pub trait AtomicType: Copy {
    type Repr;
    unsafe fn load(p: *mut Self::Repr, o: Kind) -> Self;
    unsafe fn store(p: *mut Self::Repr, v: Self, o: Kind);
    unsafe fn fetch_add(p: *mut Self::Repr, v: Self, o: Kind) -> Self;
}

impl AtomicType for i32 {
    type Repr = bindings::atomic_t;
    unsafe fn load(p: *mut Self::Repr, o: Kind) -> i32 {
        match o {
            Kind::Acquire => unsafe { bindings::atomic_read_acquire(p) },
            _ => unsafe { bindings::atomic_read(p) },
        }
    }
    unsafe fn store(p: *mut Self::Repr, v: i32, o: Kind) {
        match o {
            Kind::Release => unsafe { bindings::atomic_set_release(p, v) },
            _ => unsafe { bindings::atomic_set(p, v) },
        }
    }
    unsafe fn fetch_add(p: *mut Self::Repr, v: i32, o: Kind) -> i32 {
        match o {
            Kind::Relaxed => unsafe { bindings::atomic_fetch_add_relaxed(v, p) },
            Kind::Acquire => unsafe { bindings::atomic_fetch_add_acquire(v, p) },
            Kind::Release => unsafe { bindings::atomic_fetch_add_release(v, p) },
            Kind::Full => unsafe { bindings::atomic_fetch_add(v, p) },
        }
    }
}

impl AtomicType for i64 {
    type Repr = bindings::atomic64_t;
    unsafe fn load(p: *mut Self::Repr, _o: Kind) -> i64 {
        unsafe { bindings::atomic64_read(p) }
    }
    unsafe fn store(p: *mut Self::Repr, v: i64, _o: Kind) {
        unsafe { bindings::atomic64_set(p, v) }
    }
    unsafe fn fetch_add(p: *mut Self::Repr, v: i64, _o: Kind) -> i64 {
        unsafe { bindings::atomic64_fetch_add(v, p) }
    }
}

/// An LKMM atomic; same layout as the C `atomic_t` / `atomic64_t`.
#[repr(transparent)]
pub struct Atomic<T: AtomicType>(Opaque<T::Repr>);

impl<T: AtomicType> Atomic<T> {
    /// Views C-owned atomic memory (e.g. a field of a C struct) as an `Atomic`.
    ///
    /// # Safety
    /// `ptr` must be valid and only accessed atomically for `'a`.
    pub unsafe fn from_ptr<'a>(ptr: *mut T::Repr) -> &'a Self {
        unsafe { &*ptr.cast::<Self>() }
    }
    pub fn load<O: ordering::AcquireOrRelaxed>(&self, _o: O) -> T {
        unsafe { T::load(self.0.get(), O::KIND) }
    }
    pub fn store<O: ordering::ReleaseOrRelaxed>(&self, v: T, _o: O) {
        unsafe { T::store(self.0.get(), v, O::KIND) }
    }
    pub fn fetch_add<O: ordering::Any>(&self, v: T, _o: O) -> T {
        unsafe { T::fetch_add(self.0.get(), v, O::KIND) }
    }
}
