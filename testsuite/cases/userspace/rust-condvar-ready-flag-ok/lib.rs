//! negative: a worker sets a ready flag and a value inside a Mutex and notifies a Condvar; the waiter reads both under the re-acquired guard Condvar::wait returns.
use std::sync::{Arc, Condvar, Mutex};
use std::thread;

struct State {
    ready: bool,
    value: u64,
}

pub fn handshake(v: u64) -> u64 {
    let pair = Arc::new((Mutex::new(State { ready: false, value: 0 }), Condvar::new()));
    let theirs = Arc::clone(&pair);
    let h = thread::spawn(move || {
        let (lock, cv) = &*theirs;
        let mut st = lock.lock().unwrap();
        st.value = v;
        st.ready = true;
        cv.notify_one();
    });
    let (lock, cv) = &*pair;
    let mut st = lock.lock().unwrap();
    while !st.ready {
        st = cv.wait(st).unwrap();
    }
    let out = st.value;
    st.value = 0;
    drop(st);
    h.join().unwrap();
    out
}
