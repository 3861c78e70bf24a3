//! data-race: like two sequential threads, but the second is spawned before the first is joined, so both write the stack value through the Send raw pointer at once.
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*mut u64);
unsafe impl Send for SendPtr {}

pub fn run() -> u64 {
    let mut v = 0u64;
    let p = SendPtr(&mut v);
    let first = thread::spawn(move || {
        let p = p;
        unsafe { *p.0 += 1 } // expect: data-race
    });
    let second = thread::spawn(move || {
        let p = p;
        unsafe { *p.0 += 10 } // expect: data-race
    });
    first.join().unwrap();
    second.join().unwrap();
    v
}
