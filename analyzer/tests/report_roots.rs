//! What a race finding shows and how it ranks, from the roots' side:
//! - the two roots shown are two that may run the accesses at once, with a
//!   path from each, even when the first root to reach the code cannot
//!   (module init reaches a helper before an exported function does, and
//!   init does not race with itself);
//! - a READ_ONCE/WRITE_ONCE inside a header's inline helper (as in
//!   `list.h`) is not evidence that the authors expected concurrency on
//!   the location, so it does not lift an otherwise unlocked, unmarked
//!   location reached only from assumed entry points above a note; the
//!   same mark written in the `.c` file does.

mod common_cli;

const INIT_FIRST: &str = r#"
struct mutex { long owner; };
void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);

static struct mutex count_lock;
static long shared_count;

static __attribute__((noinline)) void bump(void) { shared_count++; }

__attribute__((section(".init.text"))) int counter_setup(void)
{
    bump();
    return 0;
}

void counter_add(void) { bump(); }

void counter_reset(void)
{
    mutex_lock(&count_lock);
    shared_count = 0;
    mutex_unlock(&count_lock);
}
"#;

#[test]
fn races_are_shown_from_roots_that_run_in_parallel() {
    let dir = tempfile::tempdir().unwrap();
    let bc = common_cli::compile_c(dir.path(), "counter", INIT_FIRST);
    let report = common_cli::check_json(dir.path(), &[&bc], "out.json");
    let races: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "data-race" && f["location"] == "shared_count")
        .collect();
    assert_eq!(races.len(), 2, "bump vs reset, bump vs itself: {races:?}");
    for f in races {
        for a in f["accesses"].as_array().unwrap() {
            let root = a["root"].as_str().unwrap();
            assert!(!root.contains("counter_setup"), "init shown: {root}");
            let entry = &a["path"][0];
            assert_eq!(entry["kind"], "entry");
            assert!(
                root.contains(entry["function"].as_str().unwrap()),
                "path starts at its root: {root} vs {entry}"
            );
            if a["function"] == "bump" {
                assert!(root.contains("counter_add"), "{root}");
                assert_eq!(a["path"][1]["function"], "counter_add");
            }
        }
    }
}

const HELPERS_H: &str = r#"
struct mutex { long owner; };
void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);
static inline void mark_store(long *p, long v) { *(volatile long *)p = v; }
"#;

/// Kernel code (it calls a kernel lock), where unlocked, unmarked data
/// reached only from exported functions ranks low.
const KERNEL: &str = r#"
static struct mutex other_lock;
static long other;
void other_set(long v) { mutex_lock(&other_lock); other = v; mutex_unlock(&other_lock); }
"#;

fn ranked(source: &str) -> Vec<(String, f64)> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("helpers.h"), HELPERS_H).unwrap();
    let bc = common_cli::compile_c(dir.path(), "stats", &format!("{source}{KERNEL}"));
    let report = common_cli::check_json(dir.path(), &[&bc], "out.json");
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "data-race" && f["location"] == "hits")
        .map(|f| {
            (
                f["level"].as_str().unwrap().to_string(),
                f["confidence"].as_f64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_mark_inside_a_header_helper_is_no_evidence_of_sharing() {
    let in_header = ranked(
        r#"
#include "helpers.h"
static long hits;
void hit(void) { hits++; }
long hits_read(void) { return hits; }
void hits_clear(void) { mark_store(&hits, 0); }
"#,
    );
    let in_source = ranked(
        r#"
#include "helpers.h"
static long hits;
void hit(void) { hits++; }
long hits_read(void) { return hits; }
void hits_clear(void) { *(volatile long *)&hits = 0; }
"#,
    );
    assert!(!in_header.is_empty() && !in_source.is_empty());
    assert!(
        in_header.iter().all(|(l, _)| l == "note"),
        "header mark: {in_header:?}"
    );
    assert!(
        in_source.iter().any(|(l, _)| l == "warning"),
        "source mark: {in_source:?}"
    );
}
