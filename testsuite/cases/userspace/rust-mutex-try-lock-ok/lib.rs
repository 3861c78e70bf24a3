//! negative: one thread touches a static mut only when Mutex::try_lock succeeded, the other under Mutex::lock.
use std::ptr::addr_of_mut;
use std::sync::Mutex;
use std::thread;

static LOCK: Mutex<()> = Mutex::new(());
static mut PENDING: u64 = 0;

pub fn run() {
    let a = thread::spawn(|| {
        for _ in 0..100 {
            if let Ok(_g) = LOCK.try_lock() {
                unsafe { *addr_of_mut!(PENDING) += 1 };
            }
        }
    });
    let b = thread::spawn(|| {
        for _ in 0..100 {
            let _g = LOCK.lock().unwrap();
            unsafe { *addr_of_mut!(PENDING) += 2 };
        }
    });
    a.join().unwrap();
    b.join().unwrap();
}
