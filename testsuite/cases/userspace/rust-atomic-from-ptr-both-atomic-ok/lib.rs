//! negative: two threads add to a plain u32 only through AtomicU32::from_ptr; the spawner reads it plainly after joining both.
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*mut u32);
unsafe impl Send for SendPtr {}

fn bump(p: SendPtr, by: u32) {
    let a = unsafe { AtomicU32::from_ptr(p.0) };
    a.fetch_add(by, Ordering::Relaxed);
}

pub fn run() -> u32 {
    let mut n = 0u32;
    let p = SendPtr(&mut n);
    let a = thread::spawn(move || bump(p, 1));
    let b = thread::spawn(move || bump(p, 2));
    a.join().unwrap();
    b.join().unwrap();
    n
}
