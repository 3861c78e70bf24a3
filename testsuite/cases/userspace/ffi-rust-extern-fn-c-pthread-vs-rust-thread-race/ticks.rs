//! Rust half: rs_tick (called from a C pthread) and a std background thread both increment a static mut, no lock.
use std::ptr::addr_of_mut;
use std::sync::Mutex;
use std::thread::{self, JoinHandle};

static mut TICKS: u64 = 0;
static BACKGROUND: Mutex<Option<JoinHandle<()>>> = Mutex::new(None);

#[no_mangle]
pub extern "C" fn rs_tick() {
    unsafe { *addr_of_mut!(TICKS) += 1 }; // expect: data-race
}

fn background() {
    for _ in 0..1000 {
        unsafe { *addr_of_mut!(TICKS) += 2 }; // expect: data-race
    }
}

#[no_mangle]
pub extern "C" fn rs_start_background() {
    *BACKGROUND.lock().unwrap() = Some(thread::spawn(background));
}

#[no_mangle]
pub extern "C" fn rs_join_background() {
    if let Some(h) = BACKGROUND.lock().unwrap().take() {
        let _ = h.join();
    }
}
