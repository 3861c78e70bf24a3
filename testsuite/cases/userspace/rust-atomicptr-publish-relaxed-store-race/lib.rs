//! missing-release: a producer fills a boxed struct and publishes it through a static AtomicPtr with a Relaxed store; the consumer's Acquire load cannot order the fields it then reads.
use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::thread;

pub struct Msg {
    a: u64,
    b: u64,
}

static SLOT: AtomicPtr<Msg> = AtomicPtr::new(ptr::null_mut());

pub fn run() -> u64 {
    let prod = thread::spawn(|| {
        let m = Box::into_raw(Box::new(Msg { a: 0, b: 0 }));
        unsafe {
            (*m).a = 3;
            (*m).b = 4;
        }
        SLOT.store(m, Ordering::Relaxed); // expect: missing-release
    });
    let cons = thread::spawn(|| {
        let m = SLOT.load(Ordering::Acquire);
        if m.is_null() {
            0
        } else {
            unsafe { (*m).a + (*m).b }
        }
    });
    prod.join().unwrap();
    cons.join().unwrap()
}
