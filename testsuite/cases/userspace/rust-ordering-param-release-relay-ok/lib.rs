//! negative: `post` fills a message on its stack and publishes its address with the ordering its caller passes, here Release; a relay thread hands the pointer on through a second Release/Acquire slot and the consumer reads the message: every hop is ordered (happens-before is transitive), and the message is written only before its publication, so nothing races.
use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};
use std::thread;

struct Msg {
    id: u64,
    len: u32,
}

static INBOX: AtomicPtr<Msg> = AtomicPtr::new(std::ptr::null_mut());
static OUTBOX: AtomicPtr<Msg> = AtomicPtr::new(std::ptr::null_mut());
static DONE: AtomicBool = AtomicBool::new(false);

fn post(slot: &AtomicPtr<Msg>, id: u64, order: Ordering) {
    let mut m = Msg { id, len: 7 };
    slot.store(&mut m, order);
    while !DONE.load(Ordering::Acquire) {
        std::hint::spin_loop();
    }
}

pub fn run(id: u64) -> u64 {
    let a = thread::spawn(move || post(&INBOX, id, Ordering::Release));
    let b = thread::spawn(|| {
        let mut p = INBOX.load(Ordering::Acquire);
        while p.is_null() {
            p = INBOX.load(Ordering::Acquire);
        }
        OUTBOX.store(p, Ordering::Release);
    });
    let c = thread::spawn(|| {
        let mut p = OUTBOX.load(Ordering::Acquire);
        while p.is_null() {
            p = OUTBOX.load(Ordering::Acquire);
        }
        let v = unsafe { (*p).id + (*p).len as u64 };
        DONE.store(true, Ordering::Release);
        v
    });
    a.join().unwrap();
    b.join().unwrap();
    c.join().unwrap()
}
