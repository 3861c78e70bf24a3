//! negative: threads spawned in a loop add to a counter under a std Mutex and to a static mut only under it; the spawner reads the static mut plainly after joining every JoinHandle of the Vec in a second loop.
use std::ptr::{addr_of, addr_of_mut};
use std::sync::Mutex;
use std::thread;

static COUNT: Mutex<u64> = Mutex::new(0);
static mut LAST: u64 = 0;

pub fn run(n: u64) -> u64 {
    let mut handles = Vec::new();
    for i in 0..n {
        handles.push(thread::spawn(move || {
            let mut c = COUNT.lock().unwrap();
            *c += 1;
            unsafe { *addr_of_mut!(LAST) = i };
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
    let total = *COUNT.lock().unwrap();
    total + unsafe { *addr_of!(LAST) }
}
