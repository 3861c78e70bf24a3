//! ok: two threads insert into one HashMap inside an Arc<Mutex<_>>, always under the lock (-O0: hashbrown's table code, one out-of-line instance for every table, probes both the table being grown and the one it grows into; its helpers are copied per call site so the new table, a local ScopeGuard, stays apart from the ArcInner holding the map).
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread;

pub fn run() -> usize {
    let map = Arc::new(Mutex::new(HashMap::new()));
    let mut hs = Vec::new();
    for t in 0..2u32 {
        let m = Arc::clone(&map);
        hs.push(thread::spawn(move || {
            for i in 0..10u32 {
                m.lock().unwrap().insert(t * 100 + i, i);
            }
        }));
    }
    for h in hs {
        h.join().unwrap();
    }
    let n = map.lock().unwrap().len();
    n
}
