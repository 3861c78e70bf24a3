//! negative: the worker writes the result through `p.write(v)` and the spawning thread reads it with `p.read()` only after joining the worker, which orders the write before the read.
use std::thread;

#[derive(Clone, Copy)]
struct Out(*mut [u16; 3]);
unsafe impl Send for Out {}

pub fn run(a: u16) -> u16 {
    let mut res = [0u16; 3];
    let o = Out(&mut res);
    let t = thread::spawn(move || {
        let o = o;
        unsafe { o.0.write([a, a + 1, a + 2]) };
    });
    t.join().unwrap();
    let r = unsafe { o.0.read() };
    r[0] + r[2]
}
