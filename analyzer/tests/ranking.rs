//! Ranking of kernel data races: a location the code never locks or marks,
//! reached only from entry points seam assumes concurrent (exported
//! functions), is a low-ranked note; the same shape with a lock on one side
//! is a warning (inconsistent locking).

mod common_cli;

const SOURCE: &str = r#"
struct mutex { long owner; };
void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);

static struct mutex stats_lock;
static long never_locked;
static long sometimes_locked;

void stats_bump(void) { never_locked++; }
long stats_read(void) { return never_locked; }

void count_locked(void) {
    mutex_lock(&stats_lock);
    sometimes_locked++;
    mutex_unlock(&stats_lock);
}
void count_unlocked(void) { sometimes_locked = 0; }
"#;

#[test]
fn unlocked_unmarked_kernel_locations_rank_below_inconsistently_locked_ones() {
    let dir = tempfile::tempdir().unwrap();
    let bc = common_cli::compile_c(dir.path(), "stats", SOURCE);
    let report = common_cli::check_json(dir.path(), &[&bc], "out.json");
    let level_of = |name: &str| -> Vec<(String, f64)> {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "data-race" && f["location"] == name)
            .map(|f| {
                (
                    f["level"].as_str().unwrap().to_string(),
                    f["confidence"].as_f64().unwrap(),
                )
            })
            .collect()
    };
    let never = level_of("never_locked");
    // The locked side against the unlocked one: `count_unlocked` against
    // itself stores 0 twice, ranked low (see the same-constant test below).
    let sometimes: Vec<(String, f64)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "data-race" && f["location"] == "sometimes_locked")
        .filter(|f| {
            f["accesses"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["function"] == "count_locked")
        })
        .map(|f| {
            (
                f["level"].as_str().unwrap().to_string(),
                f["confidence"].as_f64().unwrap(),
            )
        })
        .collect();
    assert!(!never.is_empty(), "the unlocked counter is still reported");
    assert!(!sometimes.is_empty(), "the half-locked counter is reported");
    assert!(
        never.iter().all(|(l, c)| l == "note" && *c < 0.5),
        "{never:?}"
    );
    assert!(
        sometimes.iter().all(|(l, c)| l == "warning" && *c >= 0.5),
        "{sometimes:?}"
    );
    let best_never = never.iter().map(|x| x.1).fold(0.0, f64::max);
    let worst_sometimes = sometimes.iter().map(|x| x.1).fold(1.0, f64::min);
    assert!(worst_sometimes > best_never);
}

/// A registry whose two lists one helper links into: unification sees the
/// registry at two offsets of itself and collapses it, lock included.
const COLLAPSED: &str = r#"
struct list_head { struct list_head *next, *prev; };
struct mutex { long owner; };
void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);

struct registry { struct mutex lock; struct list_head active; struct list_head retired; };
static struct registry reg;
static long nr_items;

__attribute__((noinline)) static void link_after(struct list_head *n, struct list_head *h)
{
    n->next = h->next; n->prev = h; h->next->prev = n; h->next = n;
}
void add_active(struct list_head *n) {
    mutex_lock(&reg.lock);
    link_after(n, &reg.active);
    nr_items++;
    mutex_unlock(&reg.lock);
}
void add_retired(struct list_head *n) { link_after(n, &reg.retired); nr_items--; }
"#;

#[test]
fn a_global_lock_in_a_collapsed_object_keeps_its_name_and_counts_as_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let bc = common_cli::compile_c(dir.path(), "reg", COLLAPSED);
    let report = common_cli::check_json(dir.path(), &[&bc], "out.json");
    let races: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "data-race" && f["location"] == "nr_items")
        .collect();
    // The locked side against the unlocked one (add_retired against
    // itself is a pair of its own).
    let mixed: Vec<&&serde_json::Value> = races
        .iter()
        .filter(|f| {
            f["accesses"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["function"] == "add_active")
        })
        .collect();
    assert!(!mixed.is_empty(), "the half-locked counter is reported");
    for f in mixed {
        let locks: Vec<&str> = f["accesses"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|a| a["lockset"].as_array().unwrap().iter())
            .map(|l| l["name"].as_str().unwrap())
            .collect();
        assert_eq!(locks, ["reg.lock"], "{f}");
        assert_eq!(f["level"], "warning", "the lock is evidence: {f}");
    }
}

/// Two CPUs setting one flag to the same constant, against two writes of
/// different values, with the same locking.
const SAME_VALUE: &str = r#"
struct mutex { long owner; };
void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);

static struct mutex setup_lock;
int quirk_on;
int mode;

void setup_locked(void) {
    mutex_lock(&setup_lock);
    quirk_on = 1;
    mode = 1;
    mutex_unlock(&setup_lock);
}
void setup_unlocked(void) { quirk_on = 1; mode = 2; }
"#;

#[test]
fn kernel_writes_of_the_same_constant_rank_lower_than_writes_of_different_values() {
    let dir = tempfile::tempdir().unwrap();
    let bc = common_cli::compile_c(dir.path(), "same", SAME_VALUE);
    let report = common_cli::check_json(dir.path(), &[&bc], "out.json");
    let best = |name: &str| -> f64 {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "data-race" && f["location"] == name)
            .map(|f| f["confidence"].as_f64().unwrap())
            .fold(-1.0, f64::max)
    };
    let (same, different) = (best("quirk_on"), best("mode"));
    assert!(same >= 0.0, "the same-value writes are still reported");
    assert!(different >= 0.0, "the different-value writes are reported");
    assert!(
        (different - same - 0.3).abs() < 1e-3,
        "same {same}, different {different}"
    );
}
