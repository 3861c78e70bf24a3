//! data-race: two std::thread::scope threads increment one u64 through a raw pointer, no lock.
use std::thread;

struct SharedPtr(*mut u64);
unsafe impl Sync for SharedPtr {}

impl SharedPtr {
    fn get(&self) -> *mut u64 {
        self.0
    }
}

pub fn count_twice() -> u64 {
    let mut total: u64 = 0;
    let p = SharedPtr(&mut total);
    thread::scope(|s| {
        s.spawn(|| unsafe { *p.get() += 1 }); // expect: data-race
        s.spawn(|| unsafe { *p.get() += 2 }); // expect: data-race
    });
    total
}
