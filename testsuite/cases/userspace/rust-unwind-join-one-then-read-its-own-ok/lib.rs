//! negative: with panic=unwind (landing pads drop both handles), the spawner joins the loader thread, reads only what the loader wrote, and joins the saver before reading the saver's flag.
use std::ptr::{addr_of, addr_of_mut};
use std::thread;

static mut LOADED: u32 = 0;
static mut SAVED: u32 = 0;

pub fn run() -> u32 {
    let loader = thread::spawn(|| unsafe { *addr_of_mut!(LOADED) = 7 });
    let saver = thread::spawn(|| unsafe { *addr_of_mut!(SAVED) = 9 });
    loader.join().unwrap();
    let first = unsafe { *addr_of!(LOADED) };
    saver.join().unwrap();
    first + unsafe { *addr_of!(SAVED) }
}
