// ok: run() spawns a launcher thread that spawns a counter thread and returns its JoinHandle; run() joins the launcher, then joins the counter through the handle the launcher returned, and only then adds to the total
use std::thread;

static mut TOTAL: u32 = 0;

pub fn run() -> u32 {
    let launcher = thread::spawn(|| thread::spawn(|| unsafe { TOTAL += 2 }));
    let counter = launcher.join().unwrap();
    counter.join().unwrap();
    unsafe {
        TOTAL += 1;
        TOTAL
    }
}
