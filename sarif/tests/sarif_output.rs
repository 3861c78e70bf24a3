//! SARIF output checks: the official 2.1.0 schema, a serde-sarif round trip,
//! and the rules GitHub code scanning relies on.

use std::path::{Path, PathBuf};

use seam_sarif::*;
use serde_json::{json, Value};

fn schema_path() -> PathBuf {
    // The schema lives in `shared/` beside the repository (not copied in).
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/sarif-schema-2.1.0.json")
}

fn validate(log: &Value) {
    let path = schema_path();
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    let validator = jsonschema::draft4::new(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF does not validate:\n{}",
        errors.join("\n")
    );
}

fn rules() -> Vec<RuleView> {
    [
        ("ffi-data-race", "FfiDataRace", Level::Error),
        ("data-race", "DataRace", Level::Warning),
        ("ffi-tiny-call", "FfiTinyCall", Level::Note),
    ]
    .iter()
    .map(|&(id, name, level)| RuleView {
        id: id.into(),
        name: name.into(),
        level,
        short_description: format!("{id} short"),
        // Longer than GitHub's limit on purpose.
        full_description: "Pairs every access that C code makes to a memory location. ".repeat(40),
        help_markdown: format!("# {id}\n\n## What it does\n\nText.\n"),
        tags: vec!["concurrency".into(), "external/cwe/cwe-362".into()],
        precision: "medium".into(),
    })
    .collect()
}

fn loc(file: &str, line: u32, column: u32) -> Option<LocView> {
    Some(LocView {
        file: file.into(),
        line,
        column,
        end_column: Some(column + 6),
    })
}

/// A realistic cross-language race: a C IRQ handler writes a field a Rust
/// work item reads under a lock the C side does not take.
fn race(root: &Path, line_shift: u32) -> ResultView {
    let c_file = root.join("drivers/misc/foo.c").display().to_string();
    ResultView {
        rule_id: "ffi-data-race".into(),
        level: Level::Error,
        title: "Data race on `struct foo_dev.events` between C and Rust".into(),
        detail: "The write is plain and no common lock is held.".into(),
        accesses: vec![
            AccessView {
                label: "write".into(),
                summary: "in `foo_irq` (C, plain, no lock held)".into(),
                loc: loc(&c_file, 42 + line_shift, 9),
                root: "irq handler foo_irq".into(),
                language: "C".into(),
                lockset: "no lock held".into(),
                steps: vec![
                    StepView {
                        kind: StepKind::Entry,
                        loc: loc(&c_file, 38 + line_shift, 1),
                        message: "foo_irq entered".into(),
                    },
                    StepView {
                        kind: StepKind::Memory,
                        loc: loc(&c_file, 42 + line_shift, 9),
                        message: "write".into(),
                    },
                ],
            },
            AccessView {
                label: "read".into(),
                summary: "in `foo::Dev::poll::{closure#0}` (Rust, plain, holding `Lock<[u8; 4]>`)"
                    .into(),
                loc: loc("rust/foo.rs", 17, 14),
                root: "work item foo_work".into(),
                language: "Rust".into(),
                lockset: "holding `kernel::sync::lock::Lock<{closure#0}>`".into(),
                steps: vec![
                    StepView {
                        kind: StepKind::Entry,
                        loc: loc("rust/foo.rs", 10, 1),
                        message: "foo_work entered".into(),
                    },
                    StepView {
                        kind: StepKind::Acquire,
                        loc: loc("rust/foo.rs", 15, 5),
                        message: "lock taken".into(),
                    },
                    StepView {
                        kind: StepKind::Call,
                        loc: None,
                        message: "call without debug info".into(),
                    },
                ],
            },
        ],
        related: vec![RelatedView {
            loc: loc("rust/foo.rs", 15, 5).unwrap(),
            message: "`Lock` acquired here".into(),
        }],
        fingerprint: "ffi-data-race:foo_irq:foo::Dev::poll:struct foo_dev.events".into(),
        confidence: 0.8,
        memory_location: "struct foo_dev.events".into(),
        baseline_state: None,
        suppression: None,
    }
}

fn run(root: &Path, results: Vec<ResultView>) -> RunView {
    RunView {
        tool: ToolView {
            name: "seam".into(),
            version: "0.1.0".into(),
            information_uri: "https://github.com/seam-analyzer/seam".into(),
        },
        rules: rules(),
        results,
        absent_sarif_results: vec![],
        notifications: vec![NotificationView {
            level: Level::Error,
            message: "broken.bc: invalid bitcode signature".into(),
            file: Some(root.join("broken.bc").display().to_string()),
        }],
        category: "seam".into(),
        source_root: root.to_path_buf(),
        execution_successful: true,
    }
}

fn to_value(run: &RunView) -> Value {
    let text = to_string_pretty(&build(run)).unwrap();
    serde_json::from_str(&text).unwrap()
}

const ROOT: &str = "/tmp/seam-test-root";

#[test]
fn validates_against_the_official_schema() {
    let root = Path::new(ROOT);
    let mut suppressed = race(root, 0);
    suppressed.suppression = Some("counter is statistics only".into());
    suppressed.fingerprint.push('2');
    let mut r = run(root, vec![race(root, 0), suppressed]);
    r.results[0].baseline_state = Some(BaselineState::New);
    let log = to_value(&r);
    validate(&log);
    // An empty run is valid too, with `results: []`.
    let empty = to_value(&run(root, vec![]));
    validate(&empty);
    assert_eq!(empty["runs"][0]["results"], json!([]));
}

#[test]
fn round_trips_through_serde_sarif() {
    let log = to_value(&run(Path::new(ROOT), vec![race(Path::new(ROOT), 0)]));
    let parsed: serde_sarif::sarif::Sarif = serde_json::from_value(log.clone()).unwrap();
    assert_eq!(serde_json::to_value(&parsed).unwrap(), log);
}

#[test]
fn github_rules() {
    let root = Path::new(ROOT);
    let log = to_value(&run(root, vec![race(root, 0)]));
    let run0 = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run0["automationDetails"]["id"], "seam/");
    assert_eq!(
        run0["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        "file:///tmp/seam-test-root/"
    );

    // Every rule, with fullDescription within GitHub's limit.
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 3);
    for r in rules {
        assert!(
            r["fullDescription"]["text"]
                .as_str()
                .unwrap()
                .chars()
                .count()
                <= 1024
        );
        assert!(r["help"]["markdown"].as_str().unwrap().starts_with("# "));
        assert!(r["properties"]["tags"].as_array().unwrap().len() >= 2);
        assert!(r["properties"]["precision"].is_string());
        assert!(r["properties"]["problem.severity"].is_string());
    }
    assert_eq!(rules[2]["properties"]["problem.severity"], "recommendation");

    let res = &run0["results"][0];
    assert_eq!(res["ruleId"], "ffi-data-race");
    assert_eq!(res["ruleIndex"], 0);
    // Exactly one primary location: the first access.
    let locs = res["locations"].as_array().unwrap();
    assert_eq!(locs.len(), 1);
    assert_eq!(
        locs[0]["physicalLocation"]["artifactLocation"]["uri"],
        "drivers/misc/foo.c"
    );
    assert_eq!(
        locs[0]["physicalLocation"]["artifactLocation"]["uriBaseId"],
        "%SRCROOT%"
    );
    let region = &locs[0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_i64(), region["startColumn"].as_i64()),
        (Some(42), Some(9))
    );
    assert_eq!(
        (region["endLine"].as_i64(), region["endColumn"].as_i64()),
        (Some(42), Some(15))
    );

    // Every [text](id) link names an existing related location, ids unique.
    let text = res["message"]["text"].as_str().unwrap();
    assert!(
        text.starts_with(
            "Data race on `struct foo_dev.events` between C and Rust. [write](1) in `foo_irq`"
        ),
        "{text}"
    );
    let related = res["relatedLocations"].as_array().unwrap();
    let ids: Vec<i64> = related.iter().map(|l| l["id"].as_i64().unwrap()).collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique);
    let links = links_in(text);
    assert_eq!(links, vec![1, 2]);
    for id in links {
        assert!(ids.contains(&id), "link to missing related location {id}");
    }
    // Braces and brackets of Rust names are escaped, not read as links or placeholders.
    assert!(text.contains("foo::Dev::poll::{{closure#0}}"), "{text}");
    assert!(text.contains("Lock<\\[u8; 4\\]>"), "{text}");

    // One thread flow per access; steps without a location are dropped and
    // the flow ends at the access.
    let flows = res["codeFlows"][0]["threadFlows"].as_array().unwrap();
    assert_eq!(flows.len(), 2);
    let rust_steps = flows[1]["locations"].as_array().unwrap();
    assert_eq!(rust_steps.len(), 3);
    assert_eq!(rust_steps[1]["kinds"], json!(["acquire", "lock"]));
    assert_eq!(rust_steps[2]["kinds"], json!(["memory"]));
    assert!(flows[1]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("{{closure#0}}"));

    assert_eq!(
        res["partialFingerprints"]["seam/v1"],
        "ffi-data-race:foo_irq:foo::Dev::poll:struct foo_dev.events"
    );
    assert!(res.get("baselineState").is_none());

    // The unreadable input is a tool execution notification with its file.
    let inv = &run0["invocations"][0];
    assert_eq!(inv["executionSuccessful"], true);
    let n = &inv["toolExecutionNotifications"][0];
    assert_eq!(n["level"], "error");
    assert_eq!(
        n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "broken.bc"
    );

    // No absolute temp path anywhere but the root's own URI.
    let mut without_root = run0.clone();
    without_root["originalUriBaseIds"] = Value::Null;
    assert!(
        !without_root.to_string().contains("/tmp/"),
        "absolute path leaked"
    );
}

fn links_in(text: &str) -> Vec<i64> {
    let re_like = |s: &str| -> Vec<i64> {
        let mut out = Vec::new();
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'[' && (i == 0 || b[i - 1] != b'\\') {
                if let Some(close) = s[i..].find("](") {
                    let after = &s[i + close + 2..];
                    if let Some(end) = after.find(')') {
                        if let Ok(n) = after[..end].parse() {
                            out.push(n);
                        }
                    }
                }
            }
            i += 1;
        }
        out
    };
    re_like(text)
}

#[test]
fn fingerprints_are_stable_across_line_moves() {
    let root = Path::new(ROOT);
    let a = to_value(&run(root, vec![race(root, 0)]));
    let b = to_value(&run(root, vec![race(root, 7)]));
    let fa = &a["runs"][0]["results"][0]["partialFingerprints"];
    let fb = &b["runs"][0]["results"][0]["partialFingerprints"];
    assert_ne!(
        a["runs"][0]["results"][0]["locations"],
        b["runs"][0]["results"][0]["locations"]
    );
    assert_eq!(fa, fb);
    assert!(fa.get("primaryLocationLineHash").is_none());
}

#[test]
fn files_outside_the_root_keep_absolute_uris() {
    let root = Path::new(ROOT);
    let mut r = race(root, 0);
    r.accesses[0].loc = loc("/usr/src/linux-headers/include/linux/spinlock.h", 351, 2);
    let log = to_value(&run(root, vec![r]));
    let al = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(
        al["uri"],
        "file:///usr/src/linux-headers/include/linux/spinlock.h"
    );
    assert!(al.get("uriBaseId").is_none());
    validate(&log);
}

#[test]
fn results_are_ranked_and_capped() {
    let root = Path::new(ROOT);
    let mut results = Vec::new();
    for i in 0..(MAX_RESULTS + 3) {
        let mut r = race(root, 0);
        r.fingerprint = format!("fp{i}");
        r.level = if i == MAX_RESULTS + 2 {
            Level::Error
        } else {
            Level::Note
        };
        r.rule_id = if r.level == Level::Error {
            "ffi-data-race".into()
        } else {
            "ffi-tiny-call".into()
        };
        r.confidence = (i % 100) as f32 / 100.0;
        results.push(r);
    }
    let log = build(&run(root, results));
    let out = log.runs[0].results.as_ref().unwrap();
    assert_eq!(out.len(), MAX_RESULTS);
    // The only error was last in input order and comes first after ranking.
    assert_eq!(
        out[0].partial_fingerprints.as_ref().unwrap()["seam/v1"],
        format!("fp{}", MAX_RESULTS + 2)
    );
    let notes = log.runs[0].invocations.as_ref().unwrap()[0]
        .tool_execution_notifications
        .as_ref()
        .unwrap();
    assert!(notes.iter().any(|n| n
        .message
        .text
        .as_deref()
        .unwrap()
        .starts_with("3 results were left out")));
}

#[test]
fn long_paths_are_cut_to_the_thread_flow_limit() {
    let root = Path::new(ROOT);
    let mut r = race(root, 0);
    r.accesses[0].steps = (0..1500)
        .map(|i| StepView {
            kind: StepKind::Call,
            loc: loc("drivers/misc/foo.c", i + 1, 1),
            message: format!("call {i}"),
        })
        .collect();
    let log = to_value(&run(root, vec![r]));
    let steps = log["runs"][0]["results"][0]["codeFlows"][0]["threadFlows"][0]["locations"]
        .as_array()
        .unwrap();
    assert_eq!(steps.len(), MAX_THREAD_FLOW_STEPS);
    assert_eq!(steps[0]["location"]["message"]["text"], "call 0");
    assert_eq!(steps.last().unwrap()["kinds"], json!(["memory"]));
}

#[test]
fn suppressions_and_baseline_states() {
    let root = Path::new(ROOT);
    let mut current = race(root, 0);
    current.baseline_state = Some(BaselineState::Unchanged);
    current.suppression = Some("benign statistics counter".into());
    let old_log = to_value(&run(root, vec![race(root, 3)]));
    let mut gone = race(root, 0);
    gone.fingerprint = "data-race:a:b:struct x.y".into();
    gone.rule_id = "data-race".into();
    let older = to_value(&run(root, vec![gone]));
    let prior = prior_results(&older).unwrap();
    assert_eq!(prior.len(), 1);
    assert_eq!(prior[0].0, "data-race:a:b:struct x.y");

    let mut r = run(root, vec![current]);
    r.absent_sarif_results = prior.into_iter().map(|(_, v)| v).collect();
    let log = to_value(&r);
    validate(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["baselineState"], "unchanged");
    assert_eq!(
        results[0]["suppressions"],
        json!([{"kind": "external", "status": "accepted", "justification": "benign statistics counter"}])
    );
    assert_eq!(results[1]["baselineState"], "absent");
    assert_eq!(results[1]["ruleIndex"], 1);
    assert!(prior_results(&json!({"version": 1})).is_err());
    assert_eq!(
        prior_results(&old_log).unwrap()[0].0,
        race(root, 0).fingerprint
    );
}

#[test]
fn the_schema_check_can_fail() {
    // Guards the validation above against a validator that accepts anything.
    let mut log = to_value(&run(Path::new(ROOT), vec![race(Path::new(ROOT), 0)]));
    log["runs"][0]["results"][0]["level"] = json!("fatal");
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        json!(0);
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path()).unwrap()).unwrap();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    assert_eq!(validator.iter_errors(&log).count(), 2);
}

#[test]
fn title_not_repeated_and_odd_scores_stay_valid() {
    let root = Path::new(ROOT);
    let mut r = race(root, 0);
    r.detail = format!("{}. Both sides run in parallel.", r.title);
    r.confidence = f32::NAN;
    let log = to_value(&run(root, vec![r]));
    validate(&log);
    let res = &log["runs"][0]["results"][0];
    let text = res["message"]["text"].as_str().unwrap();
    assert_eq!(text.matches("Data race on").count(), 1, "{text}");
    assert!(text.ends_with(" Both sides run in parallel."), "{text}");
    assert_eq!(res["rank"], 0.0);
    let mut r = race(root, 0);
    r.confidence = 0.7;
    let log = to_value(&run(root, vec![r]));
    assert_eq!(
        log["runs"][0]["results"][0]["properties"]["confidence"],
        json!(0.7)
    );
    assert_eq!(log["runs"][0]["results"][0]["rank"], json!(70.0));
}
