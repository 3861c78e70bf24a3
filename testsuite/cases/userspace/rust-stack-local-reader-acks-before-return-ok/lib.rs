// ok: the lender publishes a pointer to its stack local (Release) and waits until the borrower acknowledges (Acquire) before returning; the borrower reads through the pointer and only then acknowledges (Release), so the read ends before the local does
use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};
use std::thread;

static LOANED: AtomicPtr<u32> = AtomicPtr::new(std::ptr::null_mut());
static RETURNED: AtomicBool = AtomicBool::new(false);

fn lender(seed: u32) {
    let mut value = seed * 2;
    LOANED.store(&mut value, Ordering::Release);
    while !RETURNED.load(Ordering::Acquire) {
        std::hint::spin_loop();
    }
}

pub fn run(seed: u32) -> u32 {
    let l = thread::spawn(move || lender(seed));
    let b = thread::spawn(|| {
        let mut p = LOANED.load(Ordering::Acquire);
        while p.is_null() {
            std::hint::spin_loop();
            p = LOANED.load(Ordering::Acquire);
        }
        let v = unsafe { *p };
        RETURNED.store(true, Ordering::Release);
        v
    });
    l.join().unwrap();
    b.join().unwrap()
}
