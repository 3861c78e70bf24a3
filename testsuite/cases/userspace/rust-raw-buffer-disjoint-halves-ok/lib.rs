//! negative: two threads fill the two halves of one heap buffer through a raw pointer (each its own constant range); the spawner reads it after joining both.
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*mut u32);
unsafe impl Send for SendPtr {}

pub fn run() -> u32 {
    let mut buf = vec![0u32; 8];
    let p = SendPtr(buf.as_mut_ptr());
    let lo = thread::spawn(move || {
        let p = p;
        for i in 0..4 {
            unsafe { *p.0.add(i) = i as u32 };
        }
    });
    let hi = thread::spawn(move || {
        let p = p;
        for i in 4..8 {
            unsafe { *p.0.add(i) = 10 * i as u32 };
        }
    });
    lo.join().unwrap();
    hi.join().unwrap();
    buf.iter().sum()
}
