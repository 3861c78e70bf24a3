//! negative: every thread builds a Vec and a HashMap of its own and returns them through join; the spawner merges the results after joining. Only std's containers are involved, each owned by one thread at a time.
use std::collections::HashMap;
use std::thread;

pub fn run() -> usize {
    let handles: Vec<_> = (0..3u32)
        .map(|k| {
            thread::spawn(move || {
                let mut v = Vec::new();
                let mut m = HashMap::new();
                for i in 0..50 {
                    v.push(i * k);
                    m.insert(i, k);
                }
                (v, m)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut keys = HashMap::new();
    for h in handles {
        let (v, m) = h.join().unwrap();
        all.extend(v);
        keys.extend(m);
    }
    all.len() + keys.len()
}
