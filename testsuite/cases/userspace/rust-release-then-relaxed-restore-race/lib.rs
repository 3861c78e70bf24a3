//! missing-release, data-race: the producer fills the buffer, raises the state to READY with a Release store, then marks it BUSY with a Relaxed store; the consumer waits for any non-idle state, so it may leave on BUSY, which a Relaxed store wrote: that store ends the release sequence, nothing orders the buffer's write before its read, and the two race.
use std::sync::atomic::{AtomicU8, Ordering};
use std::thread;

const IDLE: u8 = 0;
const READY: u8 = 1;
const BUSY: u8 = 2;

struct Shared {
    state: AtomicU8,
    buf: std::cell::UnsafeCell<[u32; 4]>,
}
unsafe impl Sync for Shared {}

static SHARED: Shared = Shared {
    state: AtomicU8::new(IDLE),
    buf: std::cell::UnsafeCell::new([0; 4]),
};

pub fn run(x: u32) -> u32 {
    let p = thread::spawn(move || {
        unsafe { (*SHARED.buf.get())[2] = x }; // expect: data-race
        SHARED.state.store(READY, Ordering::Release);
        SHARED.state.store(BUSY, Ordering::Relaxed); // expect: missing-release
    });
    let c = thread::spawn(|| {
        while SHARED.state.load(Ordering::Acquire) == IDLE {
            std::hint::spin_loop();
        }
        unsafe { (*SHARED.buf.get())[2] } // expect: data-race
    });
    p.join().unwrap();
    c.join().unwrap()
}
