//! The `seam` binary end to end: exit statuses, outputs, baseline and
//! configuration handling, on a valid empty module and on bad inputs.

mod common_cli;

use common_cli::*;
use serde_json::{json, Value};

#[test]
fn valid_input_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let input = empty_module(dir.path());
    let (code, stdout, stderr) = run(seam().arg("check").arg(&input).current_dir(dir.path()));
    assert_eq!(code, 0, "stdout: {stdout}\nstderr: {stderr}");
    assert_eq!(stdout, "seam: no findings\n");
}

#[test]
fn missing_input_exits_2_and_still_reports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let input = empty_module(dir.path());
    let missing = dir.path().join("missing.bc");
    let (code, stdout, stderr) = run(seam()
        .arg("check")
        .arg(&input)
        .arg(&missing)
        .args(["--format", "json"])
        .current_dir(dir.path()));
    assert_eq!(code, 2, "stderr: {stderr}");
    assert!(
        stderr.contains(&format!("error: {}: ", missing.display())),
        "{stderr}"
    );
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["errors"].as_array().unwrap().len(), 1);
    assert_eq!(v["errors"][0]["path"], missing.display().to_string());
    assert_eq!(v["stats"]["modules"], 1);
}

#[test]
fn bad_usage_exits_2() {
    let (code, _, stderr) = run(seam().arg("check"));
    assert_eq!(code, 2, "{stderr}");
    let (code, _, _) = run(seam().args(["check", "x.bc", "--fail-on", "sometimes"]));
    assert_eq!(code, 2);
    let (code, _, stderr) =
        run(seam().args(["check", "x.bc", "--source-root", "/nonexistent/seam"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("--source-root"), "{stderr}");
    let (code, stdout, _) = run(seam().arg("--version"));
    assert_eq!(code, 0);
    assert!(stdout.starts_with("seam "));
}

#[test]
fn explain() {
    let (code, stdout, _) = run(seam().args(["explain", "ffi-data-race"]));
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        seam::rules::catalog::doc_markdown("ffi-data-race").unwrap()
    );
    let (code, stdout, stderr) = run(seam().args(["explain", "no-such-rule"]));
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("unknown rule `no-such-rule`"));
    for r in seam::rules::catalog::all() {
        assert!(stderr.contains(r.id), "known ids listed: {}", r.id);
    }
    let (code, stdout, _) = run(seam().arg("explain"));
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().count(), seam::rules::catalog::all().len());
}

#[test]
fn sarif_output_for_an_unreadable_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = empty_module(dir.path());
    std::fs::write(dir.path().join("broken.bc"), b"not bitcode").unwrap();
    let sarif = dir.path().join("out.sarif");
    let (code, _, stderr) = run(seam()
        .arg("check")
        .arg(&input)
        .arg("broken.bc")
        .arg("--sarif")
        .arg(&sarif)
        .args(["--category", "drivers-misc", "--source-root", "."])
        .current_dir(dir.path()));
    assert_eq!(code, 2, "{stderr}");
    let text = std::fs::read_to_string(&sarif).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    // Parses as SARIF 2.1.0 and round-trips.
    let log: seam_sarif::serde_sarif::sarif::Sarif = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(serde_json::to_value(&log).unwrap(), v);
    let run0 = &v["runs"][0];
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(run0["results"], json!([]));
    assert_eq!(run0["automationDetails"]["id"], "drivers-misc/");
    let root = std::fs::canonicalize(dir.path()).unwrap();
    assert_eq!(
        run0["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        format!("file://{}/", root.display())
    );
    // Every rule of the catalog, fired or not, with its documentation.
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = seam::rules::catalog::all().iter().map(|r| r.id).collect();
    assert_eq!(ids, expected);
    for r in rules {
        assert!(
            r["fullDescription"]["text"]
                .as_str()
                .unwrap()
                .chars()
                .count()
                <= 1024
        );
        assert!(r["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## Why is this bad?"));
        assert!(["error", "warning", "note"]
            .contains(&r["defaultConfiguration"]["level"].as_str().unwrap()));
    }
    assert_eq!(run0["tool"]["driver"]["name"], "seam");
    assert!(run0["tool"]["driver"]["semanticVersion"].is_string());
    // The unreadable file is a notification, relative to the source root.
    let n = &run0["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(n["level"], "error");
    assert!(n["message"]["text"]
        .as_str()
        .unwrap()
        .starts_with("broken.bc: "));
    assert_eq!(
        n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "broken.bc"
    );
    assert_eq!(
        n["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"],
        "%SRCROOT%"
    );
}

#[test]
fn format_sarif_on_stdout_validates_against_the_schema_file_shape() {
    let dir = tempfile::tempdir().unwrap();
    let input = empty_module(dir.path());
    let (code, stdout, _) = run(seam()
        .arg("check")
        .arg(&input)
        .args(["--format", "sarif"])
        .current_dir(dir.path()));
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["$schema"], seam_sarif::SCHEMA_URI);
    // The schema requires these; the full schema validation is in
    // sarif/tests (the analyzer has no JSON-schema dev-dependency).
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path()).unwrap()).unwrap();
    for key in schema["required"].as_array().unwrap() {
        assert!(v.get(key.as_str().unwrap()).is_some(), "missing {key}");
    }
}

#[test]
fn baseline_reports_absent_findings() {
    let dir = tempfile::tempdir().unwrap();
    let input = empty_module(dir.path());
    // An earlier JSON report with one finding that the current run no longer has.
    let old = seam::report::RunReport {
        findings: vec![ffi_race()],
        ..Default::default()
    };
    std::fs::write(
        dir.path().join("old.json"),
        seam::report::json::render(&old),
    )
    .unwrap();
    let (code, stdout, stderr) = run(seam()
        .arg("check")
        .arg(&input)
        .args([
            "--baseline",
            "old.json",
            "--format",
            "json",
            "--sarif",
            "new.sarif",
        ])
        .current_dir(dir.path()));
    assert_eq!(code, 0, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        v["baseline"],
        json!({"file": "old.json", "new": 0, "unchanged": 0, "absent": [ffi_race().fingerprint]})
    );
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("new.sarif")).unwrap())
            .unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["baselineState"], "absent");
    assert_eq!(results[0]["ruleId"], "ffi-data-race");
    assert_eq!(
        results[0]["partialFingerprints"]["seam/v1"],
        ffi_race().fingerprint
    );

    // That SARIF log works as a baseline in turn: its absent result is not
    // carried forward again.
    let (code, _, stderr) = run(seam()
        .arg("check")
        .arg(&input)
        .args(["--baseline", "new.sarif", "--sarif", "third.sarif"])
        .current_dir(dir.path()));
    assert_eq!(code, 0, "{stderr}");
    let third: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("third.sarif")).unwrap())
            .unwrap();
    assert_eq!(third["runs"][0]["results"], json!([]));

    std::fs::write(dir.path().join("junk.json"), "{\"hello\": 1}").unwrap();
    let (code, _, stderr) = run(seam()
        .arg("check")
        .arg(&input)
        .args(["--baseline", "junk.json"])
        .current_dir(dir.path()));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("error: baseline: junk.json: not a seam JSON report"),
        "{stderr}"
    );
}

#[test]
fn config_handling() {
    let dir = tempfile::tempdir().unwrap();
    let input = empty_module(dir.path());
    // ./seam.toml is read by default; a stale suppression is worth a warning.
    std::fs::write(
        dir.path().join("seam.toml"),
        "category = \"from-config\"\n[[suppress]]\nrule = \"data-race\"\nfunction = \"foo_show\"\nreason = \"reviewed\"\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run(seam()
        .arg("check")
        .arg(&input)
        .args(["--format", "sarif"])
        .current_dir(dir.path()));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: [[suppress]] entry 1 (rule `data-race`) matched no finding"),
        "{stderr}"
    );
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["runs"][0]["automationDetails"]["id"], "from-config/");
    let (_, _, quiet) = run(seam()
        .arg("check")
        .arg(&input)
        .arg("--quiet")
        .current_dir(dir.path()));
    assert!(quiet.is_empty(), "{quiet}");

    // A suppression without a reason is a configuration error.
    std::fs::write(
        dir.path().join("bad.toml"),
        "[[suppress]]\nrule = \"data-race\"\nreason = \"\"\n",
    )
    .unwrap();
    let (code, _, stderr) = run(seam()
        .arg("check")
        .arg(&input)
        .args(["--config", "bad.toml"])
        .current_dir(dir.path()));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("bad.toml") && stderr.contains("reason"),
        "{stderr}"
    );

    let (code, _, stderr) = run(seam()
        .arg("check")
        .arg(&input)
        .args(["--models", "nope.toml"])
        .current_dir(dir.path()));
    assert_eq!(code, 2);
    assert!(stderr.contains("nope.toml"), "{stderr}");
}

#[test]
fn unwritable_output_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let input = empty_module(dir.path());
    let (code, _, stderr) = run(seam()
        .arg("check")
        .arg(&input)
        .args(["--json", "no/such/dir/out.json"])
        .current_dir(dir.path()));
    assert_eq!(code, 2);
    assert!(stderr.contains("no/such/dir/out.json"), "{stderr}");
}
