//! The parts of `action.yml` that run without GitHub: every `run:` script
//! is valid bash, the `${{ inputs.* }}` it uses are declared, and the
//! `seam check` step really runs the freshly built binary and reports its
//! status the way the later steps expect.

mod common_cli;

use std::path::Path;
use std::process::Command;

use common_cli::*;

/// `(step name, script)` for every `run: |` block.
fn scripts(action: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = action.lines().collect();
    let mut out = Vec::new();
    let mut name = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        if let Some(n) = trimmed.strip_prefix("- name: ") {
            name = n.trim().to_string();
        }
        if trimmed == "run: |" {
            let indent = line.len() - trimmed.len();
            let mut body = Vec::new();
            i += 1;
            while i < lines.len()
                && (lines[i].trim().is_empty()
                    || lines[i].len() - lines[i].trim_start().len() > indent)
            {
                body.push(lines[i]);
                i += 1;
            }
            let strip = body
                .iter()
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.len() - l.trim_start().len())
                .min()
                .unwrap_or(0);
            let script: Vec<&str> = body
                .iter()
                .map(|l| if l.len() >= strip { &l[strip..] } else { "" })
                .collect();
            out.push((name.clone(), script.join("\n") + "\n"));
            continue;
        }
        i += 1;
    }
    out
}

fn action_text() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../action.yml")).unwrap()
}

#[test]
fn scripts_are_valid_bash_and_inputs_declared() {
    let action = action_text();
    let scripts = scripts(&action);
    assert!(scripts.len() >= 5, "found {} run blocks", scripts.len());
    for (name, script) in &scripts {
        let out = Command::new("bash")
            .arg("-n")
            .arg("-c")
            .arg(script)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "step `{name}`: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // Inputs reach scripts only through `env:`, never spliced into code.
        assert!(
            !script.contains("${{"),
            "step `{name}` splices an expression into the script"
        );
    }
    let declared: Vec<&str> = action
        .split("\ninputs:\n")
        .nth(1)
        .unwrap()
        .split("\noutputs:\n")
        .next()
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   ") && l.trim_end().ends_with(':'))
        .map(|l| l.trim().trim_end_matches(':'))
        .collect();
    for used in action.split("inputs.").skip(1) {
        let name: String = used
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        assert!(
            declared.contains(&name.as_str()),
            "input `{name}` used but not declared ({declared:?})"
        );
    }
    assert!(action.contains("uses: github/codeql-action/upload-sarif@v3"));
    assert!(action.contains("using: composite"));
}

fn run_check_step(dir: &Path, paths: &str) -> (i32, String) {
    let action = action_text();
    let (_, script) = scripts(&action)
        .into_iter()
        .find(|(n, _)| n == "Run seam check")
        .expect("check step");
    // The step expects the release build under $CARGO_TARGET_DIR.
    let target = dir.join("target");
    std::fs::create_dir_all(target.join("release")).unwrap();
    let link = target.join("release/seam");
    if !link.exists() {
        std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_seam"), &link).unwrap();
    }
    let output_file = dir.join("github_output");
    std::fs::write(&output_file, "").unwrap();
    let status = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", &target)
        .env("GITHUB_OUTPUT", &output_file)
        .env("SEAM_PATHS", paths)
        .env("SEAM_CACHE_DIR", dir.join("module-cache"))
        .env("SEAM_ARGS", "--quiet --jobs 1")
        .env("SEAM_CATEGORY", "seam-test")
        .env("SEAM_FAIL_ON", "error")
        .env("SEAM_SOURCE_ROOT", dir)
        .env("SEAM_SARIF", "out.sarif")
        .status()
        .unwrap();
    (
        status.code().unwrap_or(-1),
        std::fs::read_to_string(&output_file).unwrap(),
    )
}

#[test]
fn check_step_runs_seam_and_reports_its_status() {
    let dir = tempfile::tempdir().unwrap();
    let input = empty_module(dir.path());
    let name = input.file_name().unwrap().to_str().unwrap().to_string();

    let (code, outputs) = run_check_step(dir.path(), &name);
    assert_eq!(code, 0);
    assert!(
        outputs.contains("exit-code=0\n") && outputs.contains("sarif-file=out.sarif\n"),
        "{outputs}"
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["runs"][0]["automationDetails"]["id"], "seam-test/");

    // An unreadable input: the step still succeeds so the log is uploaded;
    // the exit code is passed on for the final step.
    let (code, outputs) = run_check_step(dir.path(), &format!("{name}  missing.bc"));
    assert_eq!(code, 0);
    assert!(outputs.contains("exit-code=2\n"), "{outputs}");
}
