//! data-race: when Mutex::try_lock fails the thread updates the static mut anyway, racing with the other thread's update under Mutex::lock.
use std::ptr::addr_of_mut;
use std::sync::Mutex;
use std::thread;

static LOCK: Mutex<()> = Mutex::new(());
static mut PENDING: u64 = 0;

pub fn run() {
    let a = thread::spawn(|| {
        for _ in 0..100 {
            match LOCK.try_lock() {
                Ok(_g) => unsafe { *addr_of_mut!(PENDING) += 1 },
                Err(_) => unsafe { *addr_of_mut!(PENDING) += 10 }, // expect: data-race
            }
        }
    });
    let b = thread::spawn(|| {
        for _ in 0..100 {
            let _g = LOCK.lock().unwrap();
            unsafe { *addr_of_mut!(PENDING) += 2 }; // expect: data-race
        }
    });
    a.join().unwrap();
    b.join().unwrap();
}
