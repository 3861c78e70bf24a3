//! Terminal and JSON rendering of hand-built findings, suppressions.

mod common_cli;

use common_cli::*;
use seam::config::{Config, Suppression};
use seam::report::json::{self, BaselineSummary};
use seam::report::text::{self, TextOptions};
use seam::report::{suppress, RunReport, SourceCache};
use seam::rules::Level;
use serde_json::Value;

fn report() -> RunReport {
    let mut data_race = ffi_race();
    data_race.rule = "data-race".into();
    data_race.level = Level::Warning;
    data_race.title = "data race on `struct foo_dev.count`".into();
    data_race.fingerprint = "data-race|a|b|struct foo_dev.count".into();
    data_race.accesses[1].loc = None;
    data_race.related.clear();
    RunReport {
        findings: vec![ffi_race(), data_race],
        errors: vec![seam::ingest::IngestError {
            path: "broken.bc".into(),
            reason: "invalid bitcode signature".into(),
        }],
        ..RunReport::default()
    }
}

const EXPECTED_FIRST: &str = "\
error[ffi-data-race]: data race on `struct foo_dev.events` between C and Rust
 --> drivers/misc/foo.c:7:2
  |
7 |     dev->events++;
  |     ^^^^^^^^^^^^^ write (plain, 4 bytes) in `foo_irq` [C]
  |
  = root: irq handler foo_irq (hardirq)
  = locks held: none
  = path: foo_irq
 --> rust/foo.rs:3:14
  |
3 |     unsafe { (*dev).events }
  |              ^^^^^^^^^^^^^ read (plain, 4 bytes) in `foo::poll` [Rust]
  |
  = root: work item foo_work_fn
  = locks held: spin `struct foo_dev.lock` (write, taken at rust/foo.rs:2:23)
  = path: foo::foo_work_fn -> foo::poll
 ::: drivers/misc/foo.c:3:1
  |
3 | static irqreturn_t foo_irq(int irq, void *data)
  | ------ handler defined here
  |
  = note: The C write is plain and holds no lock; the Rust read holds `struct foo_dev.lock`, which the C side does not take.
  = help: protect both accesses with the same kernel lock, or mark both (READ_ONCE/WRITE_ONCE, atomics)
  = info: run `seam explain ffi-data-race` for details
";

#[test]
fn text_output_like_rustc() {
    let dir = tempfile::tempdir().unwrap();
    write_sources(dir.path());
    let mut sources = SourceCache::new(vec![dir.path().to_path_buf()]);
    let out = text::render(&report(), &mut sources, TextOptions { color: false });
    assert!(out.starts_with(EXPECTED_FIRST), "got:\n{out}");
    assert!(out.is_ascii());
    assert!(!out.contains('\x1b'));
    // The second finding has an access without a location and no snippet.
    assert!(out.contains("warning[data-race]: data race on `struct foo_dev.count`\n"));
    assert!(out.contains(" --> <no debug location> in `foo::poll`\n"));
    assert!(out.ends_with(
        "seam: 2 findings (1 error, 1 warning): ffi-data-race (error): 1, data-race (warning): 1; 1 input could not be read\n"
    ));
}

#[test]
fn text_output_without_sources_and_in_colour() {
    let mut sources = SourceCache::new(vec![]);
    let out = text::render(&report(), &mut sources, TextOptions { color: false });
    assert!(
        out.contains(" --> drivers/misc/foo.c:7:2\n  = write (plain, 4 bytes) in `foo_irq` [C]\n"),
        "{out}"
    );
    let coloured = text::render(&report(), &mut sources, TextOptions { color: true });
    assert!(coloured.contains("\x1b[1;31merror[ffi-data-race]\x1b[0m"));
    assert!(coloured.contains("\x1b[1;33mwarning[data-race]\x1b[0m"));
}

/// An ordering finding names a flag, not one sized access in one root:
/// no `0 bytes`, no empty `root:` line.
#[test]
fn text_output_of_a_site_without_size_or_root() {
    let mut f = ffi_race();
    f.rule = "missing-acquire".into();
    f.accesses.truncate(1);
    f.accesses[0].size = 0;
    f.accesses[0].root = String::new();
    let run = RunReport {
        findings: vec![f],
        ..RunReport::default()
    };
    let mut sources = SourceCache::new(vec![]);
    let out = text::render(&run, &mut sources, TextOptions { color: false });
    assert!(
        out.contains("  = write (plain) in `foo_irq` [C]\n  = locks held:"),
        "{out}"
    );
    assert!(!out.contains("bytes") && !out.contains("root:"), "{out}");
}

#[test]
fn empty_report_summary() {
    let mut sources = SourceCache::new(vec![]);
    assert_eq!(
        text::render(&RunReport::default(), &mut sources, TextOptions::default()),
        "seam: no findings\n"
    );
    let r = RunReport {
        baseline: Some(BaselineSummary {
            file: "old.sarif".into(),
            new: 0,
            unchanged: 3,
            absent: vec!["x".into()],
        }),
        ..RunReport::default()
    };
    assert_eq!(
        text::render_summary(&r, TextOptions::default()),
        "seam: no findings; 3 unchanged and 1 fixed since baseline"
    );
}

#[test]
fn json_report_schema_and_round_trip() {
    let text = json::render(&report());
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    // What the testsuite scorer reads.
    assert_eq!(v["version"], 1);
    assert_eq!(v["findings"][0]["rule"], "ffi-data-race");
    assert_eq!(
        v["findings"][0]["accesses"][0]["loc"],
        serde_json::json!({"file": "drivers/misc/foo.c", "line": 7, "column": 2})
    );
    assert_eq!(
        v["findings"][1]["accesses"][1]["loc"],
        serde_json::Value::Null
    );
    assert_eq!(
        v["errors"][0],
        serde_json::json!({"path": "broken.bc", "reason": "invalid bitcode signature"})
    );
    assert_eq!(v["tool"]["name"], "seam");
    assert!(v["suppressed"].as_array().unwrap().is_empty());
    assert!(v["stats"]["modules"].is_u64());
    assert!(v.get("baseline").is_none());
    // Every top-level key, in order: documented in docs/json-format.md.
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "errors",
            "findings",
            "stats",
            "suppressed",
            "tool",
            "version"
        ]
    );
    assert!(
        text.starts_with("{\n  \"version\": 1,\n  \"tool\": {"),
        "version first: {text}"
    );
    let back = json::parse(&text).unwrap();
    assert_eq!(back.findings, report().findings);
    assert!(json::parse("{\"version\": 2}")
        .unwrap_err()
        .contains("version 2"));
    assert!(json::parse("[]").is_err());
}

#[test]
fn json_keys_are_documented() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/json-format.md"),
    )
    .unwrap();
    let mut r = report();
    r.suppressed.push(seam::report::SuppressedFinding {
        finding: ffi_race(),
        justification: "reviewed".into(),
    });
    r.baseline = Some(BaselineSummary::default());
    let v: serde_json::Value = serde_json::from_str(&json::render(&r)).unwrap();
    let mut missing = Vec::new();
    // `stats` counters are informational and may grow with the analysis;
    // every other field is part of the stable schema.
    let mut v = v;
    v["stats"] = Value::Null;
    collect_keys(&v, &mut |k| {
        if !doc.contains(&format!("`{k}`")) {
            missing.push(k.to_string());
        }
    });
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "undocumented JSON fields: {missing:?}");
}

fn collect_keys(v: &serde_json::Value, f: &mut dyn FnMut(&str)) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                f(k);
                collect_keys(x, f);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_keys(x, f)),
        _ => {}
    }
}

#[test]
fn suppressions_from_config() {
    let cfg = Config::parse(
        r#"
        [[suppress]]
        rule = "ffi-data-race"
        function = "poll"
        reason = "events is a statistics counter; lost updates are fine"
        "#,
    )
    .unwrap();
    let out = suppress::apply(report().findings, &cfg.suppressions);
    assert_eq!(out.kept.len(), 1);
    assert_eq!(out.kept[0].rule, "data-race");
    assert_eq!(
        out.suppressed[0].justification,
        "events is a statistics counter; lost updates are fine"
    );
    assert!(out.unused.is_empty());
    let none = suppress::apply(
        report().findings,
        &[Suppression {
            rule: "data-race".into(),
            location: Some("nope".into()),
            function: None,
            reason: "r".into(),
        }],
    );
    assert_eq!(
        (none.kept.len(), none.unused.as_slice()),
        (2, &[0usize][..])
    );
}
