// data-race: start() hands its thread a pointer to its own parameter and returns the handle without joining; the thread may read the parameter after start()'s frame is gone
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

struct Loan(*const u32);
unsafe impl Send for Loan {}

static SEEN: AtomicU32 = AtomicU32::new(0);

#[inline(never)]
fn start(level: u32) -> thread::JoinHandle<()> {
    let loan = Loan(&level);
    thread::spawn(move || {
        let loan = loan;
        SEEN.store(unsafe { *loan.0 }, Ordering::Relaxed); // expect: data-race
    })
} // expect: data-race

pub fn run(level: u32) -> u32 {
    start(level).join().unwrap();
    SEEN.load(Ordering::Relaxed)
}
