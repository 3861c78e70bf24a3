//! data-race: two threads share a heap cell through a `NonNull`; one stores with `NonNull::write` while the other loads with `NonNull::read`, both plain accesses with nothing ordering them.
use std::ptr::NonNull;
use std::thread;

#[derive(Clone, Copy)]
struct Cell(NonNull<i64>);
unsafe impl Send for Cell {}

pub fn run(v: i64) -> i64 {
    let cell = Cell(NonNull::from(Box::leak(Box::new(0i64))));
    let a = thread::spawn(move || {
        let c = cell;
        unsafe { c.0.write(v) }; // expect: data-race
    });
    let b = thread::spawn(move || {
        let c = cell;
        unsafe { c.0.read() } // expect: data-race
    });
    a.join().unwrap();
    b.join().unwrap()
}
