// ok: run() starts a detached thread, a thread that returns the handle of a thread it starts (both joined), and a thread that returns a String; run() joins the last one and then drops its String, which no other thread touches: every thread's boxed closure, result packet and returned value is its own object (Miri's pass/concurrency/simple.rs, reduced)
use std::thread;

fn start_detached() {
    thread::spawn(|| ());
}

fn start_nested_and_join() {
    let launcher = thread::spawn(|| thread::spawn(|| ()));
    let nested = launcher.join().unwrap();
    nested.join().unwrap();
}

pub fn run() -> usize {
    start_detached();
    start_nested_and_join();
    let greeting = thread::spawn(|| String::from("Hello!")).join().unwrap();
    greeting.len()
}
