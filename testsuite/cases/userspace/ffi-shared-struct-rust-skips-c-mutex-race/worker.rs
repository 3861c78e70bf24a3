//! Rust half: a std thread reads the C counter without the C struct's pthread mutex.
use std::sync::Mutex;
use std::thread::{self, JoinHandle};

#[repr(C)]
pub struct Shared {
    lock: [u8; 40],
    c_count: i64,
    rust_count: i64,
}

struct SendPtr(*mut Shared);
unsafe impl Send for SendPtr {}

static WORKER: Mutex<Option<JoinHandle<i64>>> = Mutex::new(None);

/// # Safety
/// `s` stays valid until `rs_join_worker` returns.
#[no_mangle]
pub unsafe extern "C" fn rs_spawn_worker(s: *mut Shared) {
    let p = SendPtr(s);
    let h = thread::spawn(move || {
        let p = p;
        let mut seen = 0;
        for _ in 0..100 {
            unsafe {
                (*p.0).rust_count += 1;
                seen = (*p.0).c_count; // expect: ffi-data-race
            }
            thread::yield_now();
        }
        seen
    });
    *WORKER.lock().unwrap() = Some(h);
}

#[no_mangle]
pub extern "C" fn rs_join_worker() {
    if let Some(h) = WORKER.lock().unwrap().take() {
        let _ = h.join();
    }
}
