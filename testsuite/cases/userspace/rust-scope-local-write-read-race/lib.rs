//! data-race: inside std::thread::scope one thread writes a local through a raw pointer wrapped in a Send+Sync newtype while another reads it through the same wrapper.
use std::thread;

#[derive(Clone, Copy)]
struct Shared(*mut u32);
unsafe impl Send for Shared {}
unsafe impl Sync for Shared {}

pub fn run() -> u32 {
    let mut level = 0u32;
    let p = Shared(&mut level);
    let mut seen = 0;
    thread::scope(|s| {
        s.spawn(move || unsafe { *{ p }.0 = 3 }); // expect: data-race
        s.spawn(|| seen = unsafe { *{ p }.0 }); // expect: data-race
    });
    level + seen
}
