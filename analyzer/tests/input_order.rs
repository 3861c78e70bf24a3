//! The findings do not depend on the order the inputs come in: `vmlinux.o`
//! (modules in link order) and its objects listed by name are one program.
//! Here two files pass their globals to one helper, so unification makes
//! one object of both and names it after one of them; which one must not
//! depend on the command line.

mod common_cli;

use std::path::Path;

const A: &str = r#"
struct stats { long hits; };
static struct stats a_stats;
void bump(struct stats *s);
void a_entry(void) { bump(&a_stats); }
"#;

const B: &str = r#"
struct stats { long hits; };
static struct stats b_stats;
__attribute__((noinline)) void bump(struct stats *s) { s->hits++; }
void b_entry(void) { bump(&b_stats); }
"#;

fn titles(dir: &Path, inputs: &[&Path], out: &str) -> Vec<String> {
    let report = common_cli::check_json(dir, inputs, out);
    let mut t: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{} {}", f["title"], f["fingerprint"]))
        .collect();
    t.sort();
    t
}

#[test]
fn findings_do_not_depend_on_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = common_cli::compile_c(dir.path(), "a", A);
    let b = common_cli::compile_c(dir.path(), "b", B);
    let ab = titles(dir.path(), &[&a, &b], "ab.json");
    let ba = titles(dir.path(), &[&b, &a], "ba.json");
    assert!(!ab.is_empty(), "the shared counter is reported");
    assert_eq!(ab, ba);
}
