//! data-race: one thread reads a boxed u64 through a raw pointer while another thread frees the box (Box::from_raw dropped); a free is a write of the whole object.
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*mut u64);
unsafe impl Send for SendPtr {}

pub fn run() -> u64 {
    let p = SendPtr(Box::into_raw(Box::new(5u64)));
    let r = thread::spawn(move || {
        let p = p;
        unsafe { *p.0 } // expect: data-race
    });
    let f = thread::spawn(move || {
        let p = p;
        drop(unsafe { Box::from_raw(p.0) }); // expect: data-race
    });
    f.join().unwrap();
    r.join().unwrap()
}
