// data-race: as the -ok sibling, but the detached thread adds to a counter run() leaked for it, and run() adds the String's length to that counter without waiting for the detached thread (joining the String's thread waits for that thread only)
use std::cell::UnsafeCell;
use std::thread;

struct Counter(UnsafeCell<usize>);
unsafe impl Sync for Counter {}

fn start_detached(counter: &'static Counter) {
    thread::spawn(move || unsafe { *counter.0.get() += 1 }); // expect: data-race
}

fn start_nested_and_join() {
    let launcher = thread::spawn(|| thread::spawn(|| ()));
    let nested = launcher.join().unwrap();
    nested.join().unwrap();
}

pub fn run() -> usize {
    let counter: &'static Counter = Box::leak(Box::new(Counter(UnsafeCell::new(0))));
    start_detached(counter);
    let greeting = thread::spawn(|| String::from("Hello!")).join().unwrap();
    unsafe {
        *counter.0.get() += greeting.len(); // expect: data-race
    }
    start_nested_and_join();
    greeting.len()
}
