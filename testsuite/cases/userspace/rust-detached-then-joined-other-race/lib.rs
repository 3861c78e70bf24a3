// data-race: run() starts a thread it never joins, which adds to a counter run() leaked for it, then starts and joins a second thread; joining the second waits for that one only, so run()'s own addition afterwards races with the first thread's
use std::cell::UnsafeCell;
use std::thread;

struct Counter(UnsafeCell<usize>);
unsafe impl Sync for Counter {}

pub fn run() {
    let counter: &'static Counter = Box::leak(Box::new(Counter(UnsafeCell::new(0))));
    thread::spawn(move || unsafe { *counter.0.get() += 1 }); // expect: data-race
    let seven = thread::spawn(|| 7usize).join().unwrap();
    unsafe {
        *counter.0.get() += seven; // expect: data-race
    }
}
