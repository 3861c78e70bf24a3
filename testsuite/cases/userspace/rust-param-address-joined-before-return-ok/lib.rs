// ok: observe() hands its thread a pointer to its own parameter and joins the thread before returning, so the parameter outlives the thread's read
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

struct Loan(*const u32);
unsafe impl Send for Loan {}

static SEEN: AtomicU32 = AtomicU32::new(0);

#[inline(never)]
fn observe(level: u32) {
    let loan = Loan(&level);
    thread::spawn(move || {
        let loan = loan;
        SEEN.store(unsafe { *loan.0 }, Ordering::Relaxed);
    })
    .join()
    .unwrap();
}

pub fn run(level: u32) -> u32 {
    observe(level);
    SEEN.load(Ordering::Relaxed)
}
