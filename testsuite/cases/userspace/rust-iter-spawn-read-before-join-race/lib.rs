//! data-race: threads spawned from an iterator closure add to a static mut without a lock (racing with each other) and with the spawner's read before it joins them with for_each; the read after the joins is ordered.
use std::ptr::{addr_of, addr_of_mut};
use std::thread;

static mut SUM: u64 = 0;

pub fn run(n: u64) -> u64 {
    let handles: Vec<_> = (0..n)
        .map(|i| thread::spawn(move || unsafe { *addr_of_mut!(SUM) += i })) // expect: data-race
        .collect();
    let early = unsafe { *addr_of!(SUM) }; // expect: data-race
    handles.into_iter().for_each(|h| h.join().unwrap());
    early + unsafe { *addr_of!(SUM) }
}
