//! data-race: the first writer's JoinHandle is dropped (the thread is detached); joining a later, unrelated thread does not wait for it, so a third thread's write races with the first one's.
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*mut u32);
unsafe impl Send for SendPtr {}

pub fn run() -> u32 {
    let cell = Box::into_raw(Box::new(0u32));
    let p = SendPtr(cell);
    let first = thread::spawn(move || {
        let p = p;
        unsafe { *p.0 = 32 }; // expect: data-race
    });
    drop(first);
    thread::spawn(|| ()).join().unwrap();
    let third = thread::spawn(move || {
        let p = p;
        unsafe { *p.0 = 64 }; // expect: data-race
    });
    third.join().unwrap();
    0
}
