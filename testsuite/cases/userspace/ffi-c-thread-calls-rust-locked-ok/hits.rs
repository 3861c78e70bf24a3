//! Rust half: the increment, called with the C mutex held.
#[repr(C)]
pub struct Shared {
    hits: i64,
}

/// # Safety
/// `s` points to a live `struct shared`.
#[no_mangle]
pub unsafe extern "C" fn rs_record_hit(s: *mut Shared) {
    unsafe { (*s).hits += 1 };
}
