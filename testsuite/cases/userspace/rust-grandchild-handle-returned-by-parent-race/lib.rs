// data-race: run() spawns a launcher thread that spawns a counter thread and returns its JoinHandle; run() joins the launcher but adds to the total before it joins the counter through the handle the launcher returned
use std::thread;

static mut TOTAL: u32 = 0;

pub fn run() {
    let launcher = thread::spawn(|| thread::spawn(|| unsafe { TOTAL += 2 })); // expect: data-race
    let counter = launcher.join().unwrap();
    unsafe {
        TOTAL += 1; // expect: data-race
    }
    counter.join().unwrap();
}
