//! data-race: a thread writes a static mut then sets an Arc<AtomicUsize> with SeqCst; the spawner's SeqCst fence comes before its Relaxed load of the flag, so it orders nothing for the write that follows: the two writes race (write-write, reported as a data race with a note on the Relaxed load, not as missing-acquire, which is about stale reads).
use std::ptr::addr_of_mut;
use std::sync::atomic::{fence, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;

pub static mut V: u32 = 0;

pub fn run() -> usize {
    let a = Arc::new(AtomicUsize::new(0));
    let b = Arc::clone(&a);
    let h = thread::spawn(move || {
        unsafe { *addr_of_mut!(V) = 1 }; // expect: data-race
        b.store(1, Ordering::SeqCst);
    });
    fence(Ordering::SeqCst);
    let seen = a.load(Ordering::Relaxed);
    if seen == 1 {
        unsafe { *addr_of_mut!(V) = 2 }; // expect: data-race
    }
    h.join().unwrap();
    seen
}
