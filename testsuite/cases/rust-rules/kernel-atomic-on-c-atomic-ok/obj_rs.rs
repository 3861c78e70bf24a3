//! Rust half: uses the kernel atomics.
#![no_std]
use core::ptr::addr_of_mut;
use kernel::sync::atomic::{Atomic, Full};
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
        let refs = Atomic::<i32>::from_ptr(addr_of_mut!((*o).refs));
        if refs.fetch_add(-1, Full) == 1 {
            obj_release(o);
        }
    }
}
