//! negative: inside std::thread::scope one thread updates a static mut under a std RwLock's write guard and another reads it under a read guard; the spawner touches it only before and after the scope.
use std::ptr::{addr_of, addr_of_mut};
use std::sync::RwLock;
use std::thread;

static LOCK: RwLock<()> = RwLock::new(());
static mut LIMIT: u64 = 0;

pub fn update(a: u64) -> u64 {
    unsafe { *addr_of_mut!(LIMIT) = 1 };
    let seen = thread::scope(|s| {
        s.spawn(move || {
            let _g = LOCK.write().unwrap();
            unsafe { *addr_of_mut!(LIMIT) += a };
        });
        let r = s.spawn(|| {
            let _g = LOCK.read().unwrap();
            unsafe { *addr_of!(LIMIT) }
        });
        r.join().unwrap()
    });
    seen + unsafe { *addr_of!(LIMIT) }
}
