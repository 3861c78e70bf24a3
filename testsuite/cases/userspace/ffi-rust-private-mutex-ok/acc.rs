//! Rust half: a mutex-protected accumulator.
use std::ffi::c_long;
use std::sync::Mutex;

static TOTAL: Mutex<c_long> = Mutex::new(0);

#[no_mangle]
pub extern "C" fn rs_add(v: c_long) {
    *TOTAL.lock().unwrap() += v;
}

#[no_mangle]
pub extern "C" fn rs_total() -> c_long {
    *TOTAL.lock().unwrap()
}
