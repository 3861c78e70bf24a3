//! Rust half: locks the C mutex through FFI.
use std::ffi::{c_int, c_void};
use std::ptr::addr_of_mut;
use std::sync::Mutex;
use std::thread::{self, JoinHandle};

extern "C" {
    static mut c_progress: c_int;
    static mut c_lock: [u8; 40];
    fn pthread_mutex_lock(m: *mut c_void) -> c_int;
    fn pthread_mutex_unlock(m: *mut c_void) -> c_int;
}

static WORKER: Mutex<Option<JoinHandle<()>>> = Mutex::new(None);

fn work() {
    unsafe {
        pthread_mutex_lock(addr_of_mut!(c_lock).cast());
        *addr_of_mut!(c_progress) = 100;
        pthread_mutex_unlock(addr_of_mut!(c_lock).cast());
    }
}

#[no_mangle]
pub extern "C" fn rs_start_worker() {
    *WORKER.lock().unwrap() = Some(thread::spawn(work));
}

#[no_mangle]
pub extern "C" fn rs_join_worker() {
    if let Some(h) = WORKER.lock().unwrap().take() {
        let _ = h.join();
    }
}
