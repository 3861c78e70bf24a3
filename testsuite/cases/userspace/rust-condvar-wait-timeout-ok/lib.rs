//! negative: the consumer waits for a slot with Condvar::wait_timeout_while and takes the value out under the guard it returns; the producer fills the slot under the same mutex and notifies.
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::Duration;

pub fn run(v: u64) -> Option<u64> {
    let pair = Arc::new((Mutex::new(None::<u64>), Condvar::new()));
    let producer = {
        let pair = Arc::clone(&pair);
        thread::spawn(move || {
            let (slot, cv) = &*pair;
            *slot.lock().unwrap() = Some(v * 2);
            cv.notify_one();
        })
    };
    let (slot, cv) = &*pair;
    let (mut guard, _timeout) = cv
        .wait_timeout_while(slot.lock().unwrap(), Duration::from_millis(500), |s| s.is_none())
        .unwrap();
    let got = guard.take();
    drop(guard);
    producer.join().unwrap();
    got
}
