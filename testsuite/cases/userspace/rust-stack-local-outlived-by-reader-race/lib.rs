// data-race: the lender thread publishes a pointer to its own stack local (Release) and returns; the borrower thread Acquire-loads the pointer and reads through it, possibly after the local's storage ended with the lender's frame
use std::sync::atomic::{AtomicPtr, Ordering};
use std::thread;

static LOANED: AtomicPtr<u32> = AtomicPtr::new(std::ptr::null_mut());

fn lender(seed: u32) {
    let mut value = seed * 2;
    LOANED.store(&mut value, Ordering::Release);
    thread::yield_now();
} // expect: data-race

pub fn run(seed: u32) -> u32 {
    let l = thread::spawn(move || lender(seed));
    let b = thread::spawn(|| {
        let p = LOANED.load(Ordering::Acquire);
        if p.is_null() {
            0
        } else {
            unsafe { *p } // expect: data-race
        }
    });
    l.join().unwrap();
    b.join().unwrap()
}
