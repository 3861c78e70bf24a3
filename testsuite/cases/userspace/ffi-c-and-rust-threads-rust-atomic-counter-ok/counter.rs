//! Rust half: an AtomicU64 counter updated by C pthreads and a Rust std thread through rs_count.
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::thread::{self, JoinHandle};

static TOTAL: AtomicU64 = AtomicU64::new(0);
static WORKER: Mutex<Option<JoinHandle<()>>> = Mutex::new(None);

#[no_mangle]
pub extern "C" fn rs_count(n: u64) {
    TOTAL.fetch_add(n, Ordering::Relaxed);
}

#[no_mangle]
pub extern "C" fn rs_total() -> u64 {
    TOTAL.load(Ordering::Relaxed)
}

#[no_mangle]
pub extern "C" fn rs_start_counter() {
    *WORKER.lock().unwrap() = Some(thread::spawn(|| {
        for _ in 0..100 {
            rs_count(2);
        }
    }));
}

#[no_mangle]
pub extern "C" fn rs_stop_counter() {
    if let Some(h) = WORKER.lock().unwrap().take() {
        let _ = h.join();
    }
}
