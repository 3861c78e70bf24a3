//! data-race: the JoinHandle of a thread writing a static mut is forgotten, never joined; the spawner then writes the same static.
use std::ptr::addr_of_mut;
use std::thread;

pub static mut COUNT: u32 = 0;

pub fn run() {
    let h = thread::spawn(|| unsafe { *addr_of_mut!(COUNT) = 1 }); // expect: data-race
    std::mem::forget(h);
    unsafe { *addr_of_mut!(COUNT) = 2 }; // expect: data-race
}
