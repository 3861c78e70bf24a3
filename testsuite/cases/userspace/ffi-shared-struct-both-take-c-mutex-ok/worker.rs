//! Rust half: a std thread updates the shared C struct's counter under the struct's own pthread mutex, taken through FFI.
use std::ffi::{c_int, c_void};
use std::sync::Mutex;
use std::thread::{self, JoinHandle};

#[repr(C)]
pub struct Shared {
    lock: [u8; 40],
    count: i64,
}

extern "C" {
    fn pthread_mutex_lock(m: *mut c_void) -> c_int;
    fn pthread_mutex_unlock(m: *mut c_void) -> c_int;
}

struct SendPtr(*mut Shared);
unsafe impl Send for SendPtr {}

static WORKER: Mutex<Option<JoinHandle<()>>> = Mutex::new(None);

/// # Safety
/// `s` stays valid until `rs_join_worker` returns.
#[no_mangle]
pub unsafe extern "C" fn rs_spawn_worker(s: *mut Shared) {
    let p = SendPtr(s);
    let h = thread::spawn(move || {
        let p = p;
        for _ in 0..100 {
            unsafe {
                pthread_mutex_lock((&raw mut (*p.0).lock).cast());
                (*p.0).count += 1;
                pthread_mutex_unlock((&raw mut (*p.0).lock).cast());
            }
        }
    });
    *WORKER.lock().unwrap() = Some(h);
}

#[no_mangle]
pub extern "C" fn rs_join_worker() {
    if let Some(h) = WORKER.lock().unwrap().take() {
        let _ = h.join();
    }
}
