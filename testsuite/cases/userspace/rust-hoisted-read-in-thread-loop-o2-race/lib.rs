//! data-race (built at O2): a thread sums a shared counter it reads in a tight loop while another thread writes it. LLVM hoists the read out of the loop and drops its source location, so the read is reported at the loop it was hoisted from.
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
        for _ in 0..100 { // expect: data-race
            sum += unsafe { *p.0 };
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
