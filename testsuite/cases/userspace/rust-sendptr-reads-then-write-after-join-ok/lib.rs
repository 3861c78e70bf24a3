//! negative: four spawned threads only read a stack u32 through a Send raw-pointer wrapper; the spawner writes it after joining every one.
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*const u32);
unsafe impl Send for SendPtr {}

impl SendPtr {
    fn get(self) -> *const u32 {
        self.0
    }
}

pub fn run() -> u32 {
    let mut v = 42u32;
    let p = SendPtr(&v as *const u32);
    let h1 = thread::spawn(move || unsafe { *p.get() });
    let h2 = thread::spawn(move || unsafe { *p.get() });
    let h3 = thread::spawn(move || unsafe { *p.get() });
    let h4 = thread::spawn(move || unsafe { *p.get() });
    let sum = h1.join().unwrap() + h2.join().unwrap() + h3.join().unwrap() + h4.join().unwrap();
    v = sum;
    v
}
