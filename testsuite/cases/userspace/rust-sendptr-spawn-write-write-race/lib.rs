//! data-race: two spawned threads write one stack u32 through a raw pointer in a Send newtype; the spawner joins both before reading.
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr<T>(*mut T);
unsafe impl<T> Send for SendPtr<T> {}
unsafe impl<T> Sync for SendPtr<T> {}

pub fn run() -> u32 {
    let mut v = 0u32;
    let p = SendPtr(&mut v as *mut u32);
    let a = thread::spawn(move || {
        let p = p;
        unsafe { *p.0 = 1 } // expect: data-race
    });
    let b = thread::spawn(move || {
        let p = p;
        unsafe { *p.0 = 2 } // expect: data-race
    });
    a.join().unwrap();
    b.join().unwrap();
    v
}
