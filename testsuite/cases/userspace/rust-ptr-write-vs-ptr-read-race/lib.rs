//! data-race: one thread stores into a heap slot with ptr::write while another loads it with ptr::read through the same raw pointer; both are plain accesses.
use std::ptr;
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*mut u64);
unsafe impl Send for SendPtr {}

pub fn run() -> u64 {
    let slot = Box::into_raw(Box::new(0u64));
    let p = SendPtr(slot);
    let w = thread::spawn(move || {
        let p = p;
        unsafe { ptr::write(p.0, 7) }; // expect: data-race
    });
    let r = thread::spawn(move || {
        let p = p;
        unsafe { ptr::read(p.0) } // expect: data-race
    });
    w.join().unwrap();
    let v = r.join().unwrap();
    unsafe { drop(Box::from_raw(slot)) };
    v
}
