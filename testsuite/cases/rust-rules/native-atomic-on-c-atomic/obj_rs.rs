//! Rust half: uses core atomics on C's atomic_t.
#![no_std]
use core::ptr::addr_of_mut;
use core::sync::atomic::{AtomicI32, Ordering};
use kernel::bindings;

#[repr(C)]
pub struct Obj {
    refs: bindings::atomic_t,
    work: bindings::work_struct,
}

extern "C" {
    fn obj_release(o: *mut Obj);
}

/// # Safety
/// `work` is the `work` of a live `struct obj`.
#[no_mangle]
pub unsafe extern "C" fn rs_obj_work(work: *mut bindings::work_struct) {
    let o = kernel::container_of!(work, Obj, work) as *mut Obj;
    unsafe {
        let refs = AtomicI32::from_ptr(addr_of_mut!((*o).refs.counter));
        if refs.fetch_sub(1, Ordering::AcqRel) == 1 { // expect: rust-native-atomic
            obj_release(o);
        }
    }
}
