//! negative: threads initialise a static OnceLock<Vec<u32>> through get_or_init and read it; the one initialisation happens before every get_or_init returns.
use std::sync::OnceLock;
use std::thread;

static TABLE: OnceLock<Vec<u32>> = OnceLock::new();

fn table() -> &'static [u32] {
    TABLE.get_or_init(|| (0..64).map(|i| i * i).collect())
}

pub fn run() -> u32 {
    let handles: Vec<_> = (0..3)
        .map(|k| thread::spawn(move || table().iter().skip(k).sum::<u32>()))
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}
