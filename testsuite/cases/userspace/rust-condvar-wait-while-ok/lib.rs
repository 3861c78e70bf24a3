//! negative: workers push jobs into a Mutex<Vec> and notify a Condvar; the consumer waits with Condvar::wait_while until enough are queued and drains them under the guard.
use std::sync::{Arc, Condvar, Mutex};
use std::thread;

pub fn run() -> usize {
    let queue = Arc::new((Mutex::new(Vec::<u32>::new()), Condvar::new()));
    let mut handles = Vec::new();
    for i in 0..3 {
        let q = Arc::clone(&queue);
        handles.push(thread::spawn(move || {
            let (lock, cv) = &*q;
            lock.lock().unwrap().push(i);
            cv.notify_all();
        }));
    }
    let (lock, cv) = &*queue;
    let mut jobs = cv.wait_while(lock.lock().unwrap(), |v| v.len() < 3).unwrap();
    let n = jobs.drain(..).count();
    drop(jobs);
    for h in handles {
        h.join().unwrap();
    }
    n
}
