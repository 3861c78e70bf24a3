//! negative: std::sync::Once::call_once fills a static mut table once; every thread reads it only after its own call_once returned, which happens after the one initialisation.
use std::ptr::{addr_of, addr_of_mut};
use std::sync::Once;
use std::thread;

static INIT: Once = Once::new();
static mut TABLE: [u32; 8] = [0; 8];

fn table() -> &'static [u32; 8] {
    INIT.call_once(|| unsafe {
        for (i, slot) in (*addr_of_mut!(TABLE)).iter_mut().enumerate() {
            *slot = (i * i) as u32;
        }
    });
    unsafe { &*addr_of!(TABLE) }
}

pub fn run() -> u32 {
    let a = thread::spawn(|| table()[3]);
    let b = thread::spawn(|| table()[5]);
    a.join().unwrap() + b.join().unwrap() + table()[7]
}
