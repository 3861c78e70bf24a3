//! data-race: two std::thread::scope threads add to one UnsafeCell of a wrapper claiming Sync, no lock; the read after the scope is ordered by its join.
use std::cell::UnsafeCell;
use std::thread;

struct Shared(UnsafeCell<u64>);
unsafe impl Sync for Shared {}

pub fn run() -> u64 {
    let s = Shared(UnsafeCell::new(0));
    let s = &s;
    thread::scope(|sc| {
        sc.spawn(|| unsafe { *s.0.get() += 1 }); // expect: data-race
        sc.spawn(|| unsafe { *s.0.get() += 2 }); // expect: data-race
    });
    unsafe { *s.0.get() }
}
