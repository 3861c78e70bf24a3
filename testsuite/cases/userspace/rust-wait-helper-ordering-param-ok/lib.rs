//! negative: the spin-wait helper takes the memory ordering as a parameter and its only caller passes Acquire, so the reader's load is an acquire (at -O0 too, where the helper is not inlined and the ordering reaches the atomic load as a parameter) and the data read after the wait is ordered after the Release publication.
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

static PUBLISHED: AtomicBool = AtomicBool::new(false);
static mut CONFIG: [u32; 2] = [0; 2];

fn spin_until_set(flag: &AtomicBool, order: Ordering) {
    while !flag.load(order) {
        std::hint::spin_loop();
    }
}

pub fn run(a: u32, b: u32) -> u32 {
    let w = thread::spawn(move || {
        unsafe { CONFIG = [a, b] };
        PUBLISHED.store(true, Ordering::Release);
    });
    let r = thread::spawn(|| {
        spin_until_set(&PUBLISHED, Ordering::Acquire);
        unsafe { CONFIG[0] + CONFIG[1] }
    });
    w.join().unwrap();
    r.join().unwrap()
}
