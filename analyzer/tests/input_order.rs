//! The findings do not depend on the order the inputs come in: `vmlinux.o`
//! (modules in link order) and its objects listed by name are one program.
//! Here two files pass their globals to one helper, so unification makes
//! one object of both and names it after one of them; which one must not
//! depend on the command line.

mod common_cli;

use std::path::Path;
use std::process::Command;

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

fn clang() -> String {
    std::env::var("SEAM_CLANG").unwrap_or_else(|_| "clang-22".into())
}

fn compile(dir: &Path, name: &str, src: &str) -> std::path::PathBuf {
    let c = dir.join(format!("{name}.c"));
    std::fs::write(&c, src).unwrap();
    let bc = dir.join(format!("{name}.bc"));
    let ok = Command::new(clang())
        .args(["-c", "-emit-llvm", "-g", "-O2", "-ffreestanding", "-o"])
        .arg(&bc)
        .arg(&c)
        .status()
        .expect("clang-22 runs");
    assert!(ok.success());
    bc
}

fn titles(dir: &Path, inputs: &[&Path], out: &str) -> Vec<String> {
    let json = dir.join(out);
    let (code, _out, err) = common_cli::run(
        common_cli::seam()
            .args(["check", "-q", "--no-cache", "--fail-on", "never", "--json"])
            .arg(&json)
            .args(inputs)
            .current_dir(dir),
    );
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
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
    let a = compile(dir.path(), "a", A);
    let b = compile(dir.path(), "b", B);
    let ab = titles(dir.path(), &[&a, &b], "ab.json");
    let ba = titles(dir.path(), &[&b, &a], "ba.json");
    assert!(!ab.is_empty(), "the shared counter is reported");
    assert_eq!(ab, ba);
}
