//! `docs/rules/` is generated from the rule modules' doc comments; this
//! test fails when the checked-in copy differs. Regenerate with
//! `SEAM_UPDATE_DOCS=1 cargo test -p seam --test cli_docs` or
//! `seam explain --write-docs docs/rules`.

use std::path::Path;

#[test]
fn rule_docs_are_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/rules");
    let files = seam::rules::catalog::docs_files();
    if std::env::var_os("SEAM_UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    let mut stale = Vec::new();
    for (name, text) in &files {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(on_disk) if &on_disk == text => {}
            _ => stale.push(name.clone()),
        }
    }
    assert!(stale.is_empty(), "docs/rules out of date: {stale:?}; run `SEAM_UPDATE_DOCS=1 cargo test -p seam --test cli_docs`");
    // No page for a rule that no longer exists.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            files.iter().any(|(n, _)| *n == name),
            "docs/rules/{name} is not generated"
        );
    }
}

#[test]
fn explain_write_docs_matches() {
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_seam"))
        .args(["explain", "--write-docs"])
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    for (name, text) in seam::rules::catalog::docs_files() {
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&name)).unwrap(),
            text,
            "{name}"
        );
    }
}
