//! data-race: one thread writes an AtomicUsize's memory with a plain store through a cast raw pointer while another thread loads it atomically; one side plain is a race.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*mut AtomicUsize);
unsafe impl Send for SendPtr {}

pub fn run() -> usize {
    let mut cell = AtomicUsize::new(0);
    let p = SendPtr(&mut cell);
    let w = thread::spawn(move || {
        let p = p;
        unsafe { *(p.0 as *mut usize) = 32 } // expect: data-race
    });
    let r = thread::spawn(move || {
        let p = p;
        unsafe { (*p.0).load(Ordering::SeqCst) } // expect: data-race
    });
    w.join().unwrap();
    r.join().unwrap()
}
