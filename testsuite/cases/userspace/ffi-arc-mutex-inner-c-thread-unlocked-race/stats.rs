//! Rust half: an Arc<Mutex<Stats>> updated under the lock by a std thread; rs_stats_ptr leaks a raw pointer to the inner data.
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

#[repr(C)]
pub struct Stats {
    count: i64,
}

pub struct Handle {
    stats: Arc<Mutex<Stats>>,
    worker: Option<JoinHandle<()>>,
}

#[no_mangle]
pub extern "C" fn rs_start() -> *mut Handle {
    let stats = Arc::new(Mutex::new(Stats { count: 0 }));
    let shared = Arc::clone(&stats);
    let worker = thread::spawn(move || {
        for _ in 0..1000 {
            let mut g = shared.lock().unwrap();
            g.count += 1; // expect: ffi-data-race
        }
    });
    Box::into_raw(Box::new(Handle { stats, worker: Some(worker) }))
}

/// # Safety
/// `h` comes from `rs_start`.
#[no_mangle]
pub unsafe extern "C" fn rs_stats_ptr(h: *mut Handle) -> *mut Stats {
    let mut g = unsafe { (*h).stats.lock().unwrap() };
    &mut *g as *mut Stats
}

/// # Safety
/// `h` comes from `rs_start`; no other thread uses it any more.
#[no_mangle]
pub unsafe extern "C" fn rs_finish(h: *mut Handle) -> i64 {
    let mut h = unsafe { Box::from_raw(h) };
    if let Some(w) = h.worker.take() {
        let _ = w.join();
    }
    let c = h.stats.lock().unwrap().count;
    c
}
