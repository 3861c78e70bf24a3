//! data-race: one thread stores to a heap word through AtomicUsize::from_ptr while another reads the same word with a plain dereference; an atomic store does not make the other side's plain read safe.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*mut usize);
unsafe impl Send for SendPtr {}

pub fn run() -> usize {
    let p = SendPtr(Box::into_raw(Box::new(0usize)));
    let storer = thread::spawn(move || {
        let p = p;
        unsafe { AtomicUsize::from_ptr(p.0).store(7, Ordering::SeqCst) }; // expect: data-race
    });
    let reader = thread::spawn(move || {
        let p = p;
        unsafe { *p.0 } // expect: data-race
    });
    storer.join().unwrap();
    reader.join().unwrap()
}
