// ok: square() lends a stack slot to a thread and joins it before returning; run() calls it twice and then in a loop, so no two of those threads ever overlap, and run()'s read of the tally comes after every one of them
use std::thread;

struct Slot(*mut u64);
unsafe impl Send for Slot {}

static mut TALLY: u64 = 0;

fn square(v: u64) -> u64 {
    let mut out = 0u64;
    let slot = Slot(&mut out);
    let h = thread::spawn(move || {
        let slot = slot;
        unsafe {
            *slot.0 = v * v;
            TALLY += 1;
        }
    });
    h.join().unwrap();
    out
}

pub fn run(v: u64) -> u64 {
    let mut sum = square(v) + square(v + 1);
    for k in 0..3 {
        sum += square(k);
    }
    sum + unsafe { TALLY }
}
