//! negative: a static LazyLock<Mutex<Vec<u64>>> is created on first use and pushed to by several threads, always through the mutex.
use std::sync::{LazyLock, Mutex};
use std::thread;

static LOG: LazyLock<Mutex<Vec<u64>>> = LazyLock::new(|| Mutex::new(Vec::with_capacity(16)));

pub fn run() -> usize {
    let a = thread::spawn(|| {
        for i in 0..10 {
            LOG.lock().unwrap().push(i);
        }
    });
    let b = thread::spawn(|| {
        for i in 100..110 {
            LOG.lock().unwrap().push(i);
        }
    });
    let len_now = LOG.lock().unwrap().len();
    a.join().unwrap();
    b.join().unwrap();
    len_now + LOG.lock().unwrap().len()
}
