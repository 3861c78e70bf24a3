//! Two concurrent accesses to the same memory from the same language, at least
//! one a write and at least one plain: an LKMM data race.
//!
//! ## What it does
//!
//! The same check as `ffi-data-race`, for pairs where both accesses are in C
//! or both are in Rust. Such pairs often touch memory that is also shared
//! across the FFI boundary (seam joins both languages into one program, so a
//! C-only race on a struct that Rust also reaches is still found), but the
//! fix lives on one side only.
//!
//! ## Why is this bad?
//!
//! LKMM (`tools/memory-model/Documentation/explanation.txt`) defines a data
//! race as two accesses to the same location, at least one a store, at least
//! one plain, on different CPUs, executing concurrently, and gives programs
//! containing one no defined behaviour. The compiler may tear a plain 64-bit
//! store into two, fuse two loads in a loop into one, or re-read a value it
//! already checked. KCSAN flags these at run time; seam finds them without
//! executing the code, including on paths a test never reaches.
//!
//! ## Example
//!
//! ```c
//! static void foo_timer(struct timer_list *t)
//! {
//!         struct foo_dev *dev = from_timer(dev, t, timer);
//!
//!         dev->stats.timeouts++;          /* no lock */
//! }
//!
//! static ssize_t timeouts_show(struct device *d, struct device_attribute *a, char *buf)
//! {
//!         struct foo_dev *dev = dev_get_drvdata(d);
//!
//!         spin_lock(&dev->lock);
//!         dev->stats.timeouts = 0;        /* lock held, but not by the timer */
//!         spin_unlock(&dev->lock);
//!         return 0;
//! }
//! ```
//!
//! Use instead:
//!
//! ```c
//!         spin_lock(&dev->lock);          /* in foo_timer() too */
//!         dev->stats.timeouts++;
//!         spin_unlock(&dev->lock);
//! ```
//!
//! If the race is intentional (a statistics counter that tolerates lost
//! updates), say so with `READ_ONCE()`/`WRITE_ONCE()` or `data_race()`, which
//! also silences KCSAN, instead of leaving the access plain.
//!
//! ## Known limitations
//!
//! Same as `ffi-data-race`: roots that never overlap for reasons seam cannot
//! see need an `[[exclusive]]` entry in `seam.toml`.

use super::catalog::RuleInfo;
use super::Level;

pub const RULE: RuleInfo = RuleInfo {
    id: "data-race",
    name: "DataRace",
    level: Level::Warning,
    short_description: "LKMM data race between two accesses in the same language",
    help: "hold a common lock at both accesses, or mark them (READ_ONCE/WRITE_ONCE, atomics, data_race())",
    tags: &["concurrency", "lkmm", "data-race", "external/cwe/cwe-362"],
    precision: "medium",
};
