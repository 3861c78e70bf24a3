//! The shipped model sets parse, validate and contain what the analysis
//! relies on.

use seam_models::*;

#[test]
fn every_shipped_set_parses_and_validates() {
    for (name, text) in BUILTIN_SETS {
        let set = parse_model_set(name, text).unwrap_or_else(|e| panic!("{e}"));
        assert!(!set.name.is_empty(), "{name} has no name");
        assert!(!set.description.is_empty(), "{name} has no description");
    }
}

#[test]
fn builtin_loads_all_sets_in_order() {
    let models = Models::builtin();
    let names: Vec<&str> = models.sets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["linux-kernel", "rust-for-linux", "posix", "rust-std", "asm"]
    );
    assert!(models.sets.iter().all(|s| s.source.starts_with("builtin:")));
}

#[test]
fn shipped_sets_cover_their_sections() {
    let models = Models::builtin();
    let set = |n: &str| models.sets.iter().find(|s| s.name == n).unwrap();
    let k = set("linux-kernel");
    assert!(
        k.locks.len() >= 50
            && k.accesses.len() >= 30
            && !k.spawns.is_empty()
            && !k.joins.is_empty()
    );
    assert!(
        !k.allocs.is_empty() && !k.sleeps.is_empty() && !k.mmio.is_empty() && !k.inits.is_empty()
    );
    let r = set("rust-for-linux");
    assert!(!r.locks.is_empty() && !r.accesses.is_empty() && !r.barriers.is_empty());
    let p = set("posix");
    assert!(
        !p.locks.is_empty() && !p.spawns.is_empty() && !p.joins.is_empty() && !p.allocs.is_empty()
    );
    let s = set("rust-std");
    assert!(
        !s.locks.is_empty()
            && !s.spawns.is_empty()
            && !s.accesses.is_empty()
            && !s.barriers.is_empty()
    );
    assert!(set("asm").asm.len() >= 15);
}

#[test]
fn describe_lists_every_set_and_section() {
    let text = Models::builtin().describe();
    for header in [
        "linux-kernel (builtin:linux-kernel.toml)",
        "rust-for-linux (builtin:rust-for-linux.toml)",
        "posix (builtin:posix.toml)",
        "rust-std (builtin:rust-std.toml)",
        "asm (builtin:asm.toml)",
    ] {
        assert!(text.contains(header), "missing {header}");
    }
    for section in [
        "locks (",
        "accesses (",
        "barriers (",
        "asm (",
        "spawn (",
        "join (",
        "alloc (",
        "sleep (",
        "mmio (",
        "init (",
    ] {
        assert!(
            text.contains(&format!("  {section}")),
            "missing section {section}"
        );
    }
    // One line per entry, with the key facts.
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("_raw_spin_trylock,"))
        .unwrap();
    assert!(
        line.contains("try_acquire spin write arg0 success=1"),
        "{line}"
    );
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("request_threaded_irq"))
        .unwrap();
    assert!(
        line.contains("hardirq callback=arg1 + irq_thread callback=arg2 data=arg5->param1"),
        "{line}"
    );
}

#[test]
fn user_files_load_and_name_themselves() {
    let dir = std::env::temp_dir().join(format!("seam-models-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("my-driver.toml");
    std::fs::write(
        &path,
        "[[lock]]\nfunction = \"my_lock\"\naction = \"acquire\"\nkind = \"spin\"\narg = 0\n",
    )
    .unwrap();
    let mut models = Models::builtin();
    models.load_file(&path).unwrap();
    assert_eq!(models.sets.last().unwrap().name, "my-driver");
    assert!(models.lock(&FnName::c("my_lock")).is_some());

    let missing = dir.join("nope.toml");
    let err = models.load_file(&missing).unwrap_err();
    assert!(matches!(err, ModelError::Io { .. }));
    assert!(err.to_string().contains("nope.toml"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
