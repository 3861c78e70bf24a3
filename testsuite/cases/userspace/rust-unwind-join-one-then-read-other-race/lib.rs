//! data-race: with panic=unwind (landing pads drop both handles), the spawner joins the loader thread only, then reads the flag the saver thread is still writing.
use std::ptr::{addr_of, addr_of_mut};
use std::thread;

static mut LOADED: u32 = 0;
static mut SAVED: u32 = 0;

pub fn run() -> u32 {
    let loader = thread::spawn(|| unsafe { *addr_of_mut!(LOADED) = 7 });
    let saver = thread::spawn(|| unsafe { *addr_of_mut!(SAVED) = 9 }); // expect: data-race
    loader.join().unwrap();
    let seen = unsafe { *addr_of!(LOADED) * *addr_of!(SAVED) }; // expect: data-race
    saver.join().unwrap();
    seen
}
