// data-race: bump() joins its thread only when asked to wait and otherwise lets it run on; run() calls it twice, so the first call's thread may still be counting when the second call's starts
use std::thread;

static mut TALLY: u64 = 0;

fn bump(wait: bool) {
    let h = thread::spawn(|| unsafe {
        TALLY += 1; // expect: data-race
    });
    if wait {
        h.join().unwrap();
    }
}

pub fn run(wait: bool) {
    bump(wait);
    bump(true);
}
