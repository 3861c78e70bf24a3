//! data-race: one thread reads a boxed value through a raw pointer while another frees it by calling the global allocator's dealloc directly; a free writes the whole object.
use std::alloc::{dealloc, Layout};
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*mut u64);
unsafe impl Send for SendPtr {}

pub fn run() {
    let p = SendPtr(Box::into_raw(Box::new(5u64)));
    let reader = thread::spawn(move || {
        let p = p;
        unsafe { *p.0 } // expect: data-race
    });
    let freer = thread::spawn(move || {
        let p = p;
        unsafe { dealloc(p.0.cast(), Layout::new::<u64>()) }; // expect: data-race
    });
    let _ = reader.join();
    let _ = freer.join();
}
