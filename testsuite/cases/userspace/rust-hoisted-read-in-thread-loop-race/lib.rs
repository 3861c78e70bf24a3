//! data-race (built at O0): a thread sums a shared counter it reads in a tight loop (at -O2 the read is hoisted out of the loop) while another thread writes it; both go through a raw pointer in a Send wrapper.
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*mut u64);
unsafe impl Send for SendPtr {}

pub fn run() -> u64 {
    let cell = Box::into_raw(Box::new(1u64));
    let p = SendPtr(cell);
    let reader = thread::spawn(move || {
        let p = p;
        let mut sum = 0;
        for _ in 0..100 {
            sum += unsafe { *p.0 }; // expect: data-race
        }
        sum
    });
    let writer = thread::spawn(move || {
        let p = p;
        unsafe { *p.0 = 5 }; // expect: data-race
    });
    let s = reader.join().unwrap();
    writer.join().unwrap();
    unsafe { drop(Box::from_raw(cell)) };
    s
}
