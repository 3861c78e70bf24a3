//! negative: two std::thread::scope threads each update their own half of a Vec (split_at_mut); the spawner sums it after the scope.
use std::thread;

pub fn run() -> u64 {
    let mut data = vec![1u64; 8];
    let (a, b) = data.split_at_mut(4);
    thread::scope(|s| {
        s.spawn(|| {
            for x in a.iter_mut() {
                *x += 1;
            }
        });
        s.spawn(|| {
            for x in b.iter_mut() {
                *x += 2;
            }
        });
    });
    data.iter().sum()
}
