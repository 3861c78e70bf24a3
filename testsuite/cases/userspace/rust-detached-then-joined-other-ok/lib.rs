// ok: run() starts a thread it never joins, which adds to a counter of its own, then starts and joins a second thread that adds to another counter; run() reads the second counter only after joining the thread that wrote it
use std::cell::UnsafeCell;
use std::thread;

struct Counter(UnsafeCell<usize>);
unsafe impl Sync for Counter {}

pub fn run() -> usize {
    let detached: &'static Counter = Box::leak(Box::new(Counter(UnsafeCell::new(0))));
    let joined: &'static Counter = Box::leak(Box::new(Counter(UnsafeCell::new(0))));
    thread::spawn(move || unsafe { *detached.0.get() += 1 });
    thread::spawn(move || unsafe { *joined.0.get() += 7 })
        .join()
        .unwrap();
    unsafe {
        *joined.0.get() += 1;
        *joined.0.get()
    }
}
