//! data-race: `post` fills a message on its stack and publishes its address with the ordering its caller passes, here Relaxed; the relay thread that picks the pointer up is not ordered after the message's writes, so neither is the consumer it hands the pointer to (through Release/Acquire), and the consumer's reads race with the writes.
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
    let mut m = Msg { id, len: 7 }; // expect: data-race
    slot.store(&mut m, order);
    while !DONE.load(Ordering::Acquire) {
        std::hint::spin_loop();
    }
}

pub fn run(id: u64) -> u64 {
    let a = thread::spawn(move || post(&INBOX, id, Ordering::Relaxed));
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
        let v = unsafe { (*p).id + (*p).len as u64 }; // expect: data-race
        DONE.store(true, Ordering::Release);
        v
    });
    a.join().unwrap();
    b.join().unwrap();
    c.join().unwrap()
}
