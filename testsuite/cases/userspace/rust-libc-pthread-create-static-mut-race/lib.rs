//! data-race: Rust starts a thread with pthread_create through FFI (an extern "C" start routine); both it and the spawner add to a static mut before the pthread_join.
use std::ffi::{c_int, c_void};
use std::ptr::{self, addr_of, addr_of_mut};

#[allow(non_camel_case_types)]
type pthread_t = usize;

extern "C" {
    fn pthread_create(
        thread: *mut pthread_t,
        attr: *const c_void,
        start: extern "C" fn(*mut c_void) -> *mut c_void,
        arg: *mut c_void,
    ) -> c_int;
    fn pthread_join(thread: pthread_t, retval: *mut *mut c_void) -> c_int;
}

static mut HITS: usize = 0;

extern "C" fn start(_: *mut c_void) -> *mut c_void {
    unsafe { *addr_of_mut!(HITS) += 1 }; // expect: data-race
    ptr::null_mut()
}

pub fn run() -> usize {
    let mut t: pthread_t = 0;
    unsafe {
        pthread_create(&mut t, ptr::null(), start, ptr::null_mut());
        *addr_of_mut!(HITS) += 1; // expect: data-race
        pthread_join(t, ptr::null_mut());
        *addr_of!(HITS)
    }
}
