//! Lock names in findings. A lock inside an object that unification
//! collapsed (one abstract object for several, field-insensitive) is named
//! by the static type its acquisition reaches it through, not by whichever
//! merged object names the whole; a global that is itself a lock is named
//! without its first member.

mod common_cli;

const SOURCE: &str = r#"
struct mutex { long owner; };
void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);

struct dev { long count; struct mutex lock; long stats; };
static struct dev the_dev, other_dev;
static struct mutex table_lock;
static long table_size;
static long dev_events;
void *cookie;

/* One pointer variable holding the object and a field inside it: the
   object is one field-insensitive abstract object from here on. */
void remember(int which) { cookie = which ? (void *)&the_dev : (void *)&the_dev.stats; }

__attribute__((noinline)) void dev_bump(struct dev *d)
{
    mutex_lock(&d->lock);
    dev_events++;
    mutex_unlock(&d->lock);
}
void dev_ioctl(void) { dev_bump(&the_dev); }
void other_ioctl(void) { dev_bump(&other_dev); }
void dev_release(void) { dev_events = 0; }

void table_grow(void) { mutex_lock(&table_lock); table_size++; mutex_unlock(&table_lock); }
void table_clear(void) { table_size = 0; }
"#;

fn lock_names(report: &serde_json::Value, location_part: &str) -> Vec<String> {
    let mut names: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "data-race")
        .filter(|f| f["location"].as_str().unwrap().contains(location_part))
        .flat_map(|f| f["accesses"].as_array().unwrap().clone())
        .flat_map(|a| a["lockset"].as_array().unwrap().clone())
        .map(|l| l["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn locks_are_named_by_the_type_they_are_taken_through() {
    let dir = tempfile::tempdir().unwrap();
    let bc = common_cli::compile_c(dir.path(), "names", SOURCE);
    let report = common_cli::check_json(dir.path(), &[&bc], "out.json");
    let collapsed = lock_names(&report, "dev_events");
    assert_eq!(collapsed, ["struct dev.lock"], "{report:#}");
    let global = lock_names(&report, "table_size");
    assert_eq!(global, ["table_lock"], "{report:#}");
}
