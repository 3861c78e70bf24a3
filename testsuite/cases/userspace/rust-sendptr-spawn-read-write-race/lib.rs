//! data-race: one spawned thread reads a heap u64 (Box::into_raw) through a Send raw-pointer wrapper while another writes it; both joined, then the box is freed.
use std::thread;

#[derive(Clone, Copy)]
struct Raw(*mut u64);
unsafe impl Send for Raw {}

impl Raw {
    fn ptr(self) -> *mut u64 {
        self.0
    }
}

pub fn run() -> u64 {
    let r = Raw(Box::into_raw(Box::new(7u64)));
    let reader = thread::spawn(move || unsafe { *r.ptr() }); // expect: data-race
    let writer = thread::spawn(move || unsafe { *r.ptr() = 9 }); // expect: data-race
    let v = reader.join().unwrap();
    writer.join().unwrap();
    unsafe { drop(Box::from_raw(r.ptr())) };
    v
}
