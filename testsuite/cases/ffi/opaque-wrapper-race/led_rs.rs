//! Rust half: an Opaque-wrapped view of `struct led` whose accessor forgets the lock.
#![no_std]
use core::ffi::c_int;
use core::ptr::addr_of_mut;
use kernel::bindings;
use kernel::types::Opaque;

/// The C `struct led`, as bindgen would generate it.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct led {
    lock: bindings::spinlock_t,
    brightness: c_int,
    work: bindings::work_struct,
}

/// Rust view of a C-owned LED: the C struct wrapped in `Opaque`.
#[repr(transparent)]
pub struct Led(Opaque<led>);

impl Led {
    /// # Safety
    /// `ptr` is a live `struct led`.
    unsafe fn from_raw<'a>(ptr: *mut led) -> &'a Led {
        unsafe { &*(ptr as *const Led) }
    }

    fn brightness(&self) -> c_int {
        unsafe { (*self.0.get()).brightness } // expect: ffi-data-race
    }
}

/// # Safety
/// `l` is a live `struct led`.
#[no_mangle]
pub unsafe extern "C" fn rs_led_report(l: *mut led) -> c_int {
    unsafe { Led::from_raw(l) }.brightness()
}
