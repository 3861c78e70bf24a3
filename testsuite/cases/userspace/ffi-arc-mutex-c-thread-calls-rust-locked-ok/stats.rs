//! Rust half: an Arc<Mutex<Stats>> updated under the lock both by a std thread and by rs_stats_add, which C calls.
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
            g.count += 1;
        }
    });
    Box::into_raw(Box::new(Handle { stats, worker: Some(worker) }))
}

/// # Safety
/// `h` comes from `rs_start` and is still live.
#[no_mangle]
pub unsafe extern "C" fn rs_stats_add(h: *const Handle, n: i64) {
    let mut g = unsafe { (*h).stats.lock().unwrap() };
    g.count += n;
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
