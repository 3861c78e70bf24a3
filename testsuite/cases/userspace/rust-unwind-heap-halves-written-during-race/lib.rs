//! data-race: with panic=unwind, a thread fills the front half of a heap buffer through a raw pointer while the spawner clears the same half before joining it.
use std::thread;

#[derive(Clone, Copy)]
struct Cells(*mut u16);
unsafe impl Send for Cells {}

pub fn run() -> u32 {
    let mut cells = vec![0u16; 6];
    let c = Cells(cells.as_mut_ptr());
    let front = thread::spawn(move || {
        let c = c;
        for k in 0..3 {
            unsafe { *c.0.add(k) = 1 }; // expect: data-race
        }
    });
    for k in 0..3 {
        unsafe { *c.0.add(k) = 0 }; // expect: data-race
    }
    front.join().unwrap();
    cells.iter().map(|&v| v as u32).sum()
}
