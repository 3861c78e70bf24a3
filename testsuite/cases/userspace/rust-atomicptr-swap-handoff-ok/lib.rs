//! negative: a producer fills a boxed record and hands it over by swapping it into a static AtomicPtr (AcqRel); the consumer swaps it out (AcqRel), reads it and frees it.
use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::thread;

struct Record {
    id: u32,
    score: u64,
}

static SLOT: AtomicPtr<Record> = AtomicPtr::new(ptr::null_mut());

pub fn run() -> u64 {
    let producer = thread::spawn(|| {
        let r = Box::into_raw(Box::new(Record { id: 1, score: 0 }));
        unsafe { (*r).score = 500 };
        let old = SLOT.swap(r, Ordering::AcqRel);
        debug_assert!(old.is_null());
    });
    let consumer = thread::spawn(|| loop {
        let r = SLOT.swap(ptr::null_mut(), Ordering::AcqRel);
        if !r.is_null() {
            let b = unsafe { Box::from_raw(r) };
            return b.score + u64::from(b.id);
        }
        std::hint::spin_loop();
    });
    producer.join().unwrap();
    consumer.join().unwrap()
}
