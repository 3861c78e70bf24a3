//! data-race: a worker bumps a counter through the raw pointer's own methods (`p.read()`, `p.write(v)`) while the spawning thread reads it with `p.read()`; the methods are plain accesses at their call sites.
use std::thread;

#[derive(Clone, Copy)]
struct Raw(*mut u32);
unsafe impl Send for Raw {}

pub fn run() -> u32 {
    let mut hits = 0u32;
    let h = Raw(&mut hits);
    let t = thread::spawn(move || {
        let h = h;
        for _ in 0..4 {
            unsafe { h.0.write(h.0.read() + 1) }; // expect: data-race
        }
    });
    let seen = unsafe { (h.0 as *const u32).read() }; // expect: data-race
    t.join().unwrap();
    seen
}
