//! `kernel::types::Opaque`: C-owned memory that Rust must not assume
//! anything about (it may change under Rust's feet).

use core::cell::UnsafeCell;
use core::mem::MaybeUninit;

#[repr(transparent)]
pub struct Opaque<T> {
    value: UnsafeCell<MaybeUninit<T>>,
}

impl<T> Opaque<T> {
    pub const fn new(value: T) -> Self {
        Self {
            value: UnsafeCell::new(MaybeUninit::new(value)),
        }
    }
    pub const fn uninit() -> Self {
        Self {
            value: UnsafeCell::new(MaybeUninit::uninit()),
        }
    }
    pub const fn zeroed() -> Self {
        Self {
            value: UnsafeCell::new(MaybeUninit::zeroed()),
        }
    }
    /// Raw pointer to the wrapped C object.
    pub const fn get(&self) -> *mut T {
        UnsafeCell::get(&self.value).cast::<T>()
    }
    /// Views a C object as an `Opaque` (same layout).
    ///
    /// # Safety
    /// `ptr` must be valid for the returned lifetime.
    pub unsafe fn from_raw<'a>(ptr: *const T) -> &'a Self {
        unsafe { &*ptr.cast::<Self>() }
    }
}

unsafe impl<T> Sync for Opaque<T> {}
unsafe impl<T> Send for Opaque<T> {}
