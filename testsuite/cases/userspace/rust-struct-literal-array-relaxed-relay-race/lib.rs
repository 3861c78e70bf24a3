//! data-race: a frame with an array field is built on the owner's stack (at -O0 the array is made in a temporary and copied in) and its address published with a Relaxed store; the relay thread that picks it up is not ordered after the frame's writes, so neither is the consumer it hands the pointer to through Release/Acquire, whose reads race with them.
use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};
use std::thread;

struct Frame {
    seq: u32,
    payload: [u16; 12],
}

static RX: AtomicPtr<Frame> = AtomicPtr::new(std::ptr::null_mut());
static TX: AtomicPtr<Frame> = AtomicPtr::new(std::ptr::null_mut());
static SEEN: AtomicBool = AtomicBool::new(false);

pub fn run(seq: u32, fill: u16) -> u32 {
    let owner = thread::spawn(move || {
        let mut f = Frame { seq, payload: [fill; 12] }; // expect: data-race
        RX.store(&mut f, Ordering::Relaxed);
        while !SEEN.load(Ordering::Acquire) {
            std::hint::spin_loop();
        }
    });
    let relay = thread::spawn(|| {
        let mut p = RX.load(Ordering::Acquire);
        while p.is_null() {
            p = RX.load(Ordering::Acquire);
        }
        TX.store(p, Ordering::Release);
    });
    let sink = thread::spawn(|| {
        let mut p = TX.load(Ordering::Acquire);
        while p.is_null() {
            p = TX.load(Ordering::Acquire);
        }
        let v = unsafe { (*p).seq + (*p).payload[5] as u32 }; // expect: data-race
        SEEN.store(true, Ordering::Release);
        v
    });
    owner.join().unwrap();
    relay.join().unwrap();
    sink.join().unwrap()
}
