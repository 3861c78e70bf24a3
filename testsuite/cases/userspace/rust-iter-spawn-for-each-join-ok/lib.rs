//! negative: threads spawned from an iterator closure ((0..n).map(|i| thread::spawn(…)).collect()) add to a static mut under a std Mutex; the spawner writes it before and reads it after joining them with into_iter().for_each(|h| h.join()).
use std::ptr::{addr_of, addr_of_mut};
use std::sync::Mutex;
use std::thread;

static LOCK: Mutex<()> = Mutex::new(());
static mut SUM: u64 = 0;

pub fn run(n: u64) -> u64 {
    unsafe { *addr_of_mut!(SUM) = 0 };
    let handles: Vec<_> = (0..n)
        .map(|i| {
            thread::spawn(move || {
                let _g = LOCK.lock().unwrap();
                unsafe { *addr_of_mut!(SUM) += i };
            })
        })
        .collect();
    handles.into_iter().for_each(|h| h.join().unwrap());
    unsafe { *addr_of!(SUM) }
}
