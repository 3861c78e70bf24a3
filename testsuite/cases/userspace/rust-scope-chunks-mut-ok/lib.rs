//! negative: a buffer is split with chunks_mut and every chunk goes to its own scoped thread, which doubles its elements; no two threads get the same element, and the owner reads the buffer after the scope.
use std::thread;

pub fn run(data: &mut [u32; 16]) -> u32 {
    thread::scope(|s| {
        for chunk in data.chunks_mut(4) {
            s.spawn(move || {
                for x in chunk.iter_mut() {
                    *x *= 2;
                }
            });
        }
    });
    data.iter().sum()
}
