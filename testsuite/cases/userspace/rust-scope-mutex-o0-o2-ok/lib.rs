//! negative: two std::thread::scope threads add to a static mut only while holding a std Mutex; the write before the scope and the read after it are ordered with them.
use std::ptr::{addr_of, addr_of_mut};
use std::sync::Mutex;
use std::thread;

static LOCK: Mutex<()> = Mutex::new(());
static mut TOTAL: u64 = 0;

pub fn sum(a: u64, b: u64) -> u64 {
    unsafe { *addr_of_mut!(TOTAL) = 0 };
    thread::scope(|s| {
        s.spawn(move || {
            let _g = LOCK.lock().unwrap();
            unsafe { *addr_of_mut!(TOTAL) += a };
        });
        s.spawn(move || {
            let _g = LOCK.lock().unwrap();
            unsafe { *addr_of_mut!(TOTAL) += 2 * b };
        });
    });
    unsafe { *addr_of!(TOTAL) }
}
