//! negative: with panic=unwind, two threads fill the two halves of a heap buffer through a raw pointer; the spawner sums and frees it only after joining both (the landing pads that would free it while a thread runs are only taken on a panic).
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
            unsafe { *c.0.add(k) = 1 };
        }
    });
    let back = thread::spawn(move || {
        let c = c;
        for k in 3..6 {
            unsafe { *c.0.add(k) = 2 };
        }
    });
    front.join().unwrap();
    back.join().unwrap();
    cells.iter().map(|&v| v as u32).sum()
}
