//! data-race: with panic=unwind, two scoped threads write one local through a raw pointer they both capture; neither takes a lock.
use std::thread;

struct SendPtr(*mut u64);
unsafe impl Send for SendPtr {}
unsafe impl Sync for SendPtr {}

pub fn run(step: u64) -> u64 {
    let mut level = 0u64;
    let p = SendPtr(&mut level);
    let p = &p;
    thread::scope(|s| {
        s.spawn(move || unsafe { *p.0 = step }); // expect: data-race
        s.spawn(move || unsafe { *p.0 = step * 2 }); // expect: data-race
    });
    level
}
