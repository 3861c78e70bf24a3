//! Rust half: opportunistic flush that skips when the mutex is busy.
#![no_std]
use core::ffi::c_long;
use core::ptr::addr_of_mut;
use kernel::bindings;

#[repr(C)]
pub struct Cache {
    m: bindings::mutex,
    hits: c_long,
}

extern "C" {
    static mut the_cache: Cache;
    fn cache_report(hits: c_long);
}

/// # Safety
/// Called by the workqueue.
#[no_mangle]
pub unsafe extern "C" fn rs_cache_flush(_work: *mut bindings::work_struct) {
    unsafe {
        let c = addr_of_mut!(the_cache);
        if bindings::mutex_trylock(addr_of_mut!((*c).m)) != 1 {
            return;
        }
        let h = (*c).hits;
        (*c).hits = 0;
        bindings::mutex_unlock(addr_of_mut!((*c).m));
        cache_report(h);
    }
}
