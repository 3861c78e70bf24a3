//! data-race: the spawner first starts and joins several threads that do nothing, then starts two threads that both write one stack value through a raw pointer; the earlier joins order nothing between the two writers.
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*mut u32);
unsafe impl Send for SendPtr {}

pub fn run() -> u32 {
    let warmup: Vec<_> = (0..4).map(|_| thread::spawn(|| ())).collect();
    for h in warmup {
        h.join().unwrap();
    }
    let mut value = 0u32;
    let p = SendPtr(&mut value);
    let a = thread::spawn(move || {
        let p = p;
        unsafe { *p.0 = 32 }; // expect: data-race
    });
    let b = thread::spawn(move || {
        let p = p;
        unsafe { *p.0 = 64 }; // expect: data-race
    });
    a.join().unwrap();
    b.join().unwrap();
    value
}
