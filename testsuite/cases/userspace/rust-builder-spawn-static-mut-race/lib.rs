//! data-race: a named thread started with std::thread::Builder::spawn writes a static mut the spawner reads before joining; the write before the spawn and the read after the join are ordered.
use std::ptr::{addr_of, addr_of_mut};
use std::thread;

static mut STATUS: u32 = 0;

pub fn run() -> u32 {
    unsafe { *addr_of_mut!(STATUS) = 1 };
    let h = thread::Builder::new()
        .name("worker".into())
        .spawn(|| unsafe { *addr_of_mut!(STATUS) = 2 }) // expect: data-race
        .unwrap();
    let early = unsafe { *addr_of!(STATUS) }; // expect: data-race
    h.join().unwrap();
    early + unsafe { *addr_of!(STATUS) }
}
