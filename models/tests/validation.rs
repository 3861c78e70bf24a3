//! Every validation problem is reported with the file, the entry and the
//! reason; nothing panics on bad input.

use seam_models::*;

/// Parses `text` as file `f.toml` and returns its problems as
/// "entry: reason" lines.
fn problems(text: &str) -> Vec<String> {
    match parse_model_set("f.toml", text) {
        Ok(_) => Vec::new(),
        Err(ModelError::Invalid { file, problems }) => {
            assert_eq!(file, "f.toml");
            problems.iter().map(|p| p.to_string()).collect()
        }
        Err(e) => panic!("expected validation problems, got {e}"),
    }
}

fn assert_problem(text: &str, entry: &str, reason_part: &str) {
    let found = problems(text);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with(&format!("{entry}: ")) && p.contains(reason_part)),
        "expected `{entry}: …{reason_part}…`, got {found:#?}"
    );
}

const LOCK_OK: &str = "action = \"acquire\"\nkind = \"spin\"\narg = 0\n";

#[test]
fn entries_are_named_by_section_index_and_key() {
    let text = format!("[[lock]]\nfunction = \"a\"\n{LOCK_OK}\n[[lock]]\nfunction = \"b\"\n{LOCK_OK}\n[[lock]]\nfunction = \"x\"\n{LOCK_OK}bogus = 1\n");
    assert_problem(
        &text,
        "[[lock]] #3 function = \"x\"",
        "unknown field `bogus`",
    );
}

#[test]
fn error_display_names_file_entry_and_reason() {
    let text = format!("[[lock]]\nfunction = \"x\"\n{LOCK_OK}bogus = 1\n");
    let err = parse_model_set("models/my.toml", &text).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("models/my.toml"), "{msg}");
    assert!(
        msg.contains("[[lock]] #1 function = \"x\": unknown field `bogus`"),
        "{msg}"
    );
    assert_eq!(err.file(), "models/my.toml");
}

#[test]
fn unknown_keys_are_rejected_everywhere() {
    assert_problem("colour = \"red\"\n", "(top level)", "unknown key `colour`");
    assert_problem(
        "[[locks]]\nfunction = \"x\"\n",
        "(top level)",
        "unknown key `locks`",
    );
    assert_problem("name = 3\n", "(top level)", "`name` must be a string");
    assert_problem(
        "[[spawn]]\nfunction = \"f\"\ncallback = 0\ncontext = \"thread\"\nself_concurent = true\n",
        "[[spawn]] #1 function = \"f\"",
        "unknown field `self_concurent`",
    );
    assert_problem(
        "[[asm]]\narch = \"any\"\npattern = \"x\"\neffect = \"atomic_rmw\"\nfunction = \"f\"\n",
        "[[asm]] #1 function = \"f\"",
        "unknown field `function`",
    );
    assert_problem(
        "[[lock]]\nfunction = \"f\"\naction = \"acquire\"\nkind = \"spin\"\narg = -1\n",
        "[[lock]] #1 function = \"f\"",
        "",
    );
    assert_problem(
        "[[lock]]\nfunction = \"f\"\naction = \"grab\"\nkind = \"spin\"\narg = 0\n",
        "[[lock]] #1 function = \"f\"",
        "grab",
    );
    assert_problem("lock = 3\n", "[[lock]]", "must be an array of tables");
    assert_problem("lock = [3]\n", "[[lock]] #1", "must be a table");
}

#[test]
fn a_matcher_needs_exactly_one_selector() {
    assert_problem(
        &format!("[[lock]]\n{LOCK_OK}"),
        "[[lock]] #1",
        "names no function",
    );
    assert_problem(
        &format!("[[lock]]\nfunction = \"a\"\npath = \"b::c\"\n{LOCK_OK}"),
        "[[lock]] #1 function = \"a\"",
        "gives function and path",
    );
    assert_problem(
        &format!("[[lock]]\nfunctions = [\"a\"]\npath_regex = \"b\"\n{LOCK_OK}"),
        "[[lock]] #1 path_regex = \"b\"",
        "gives functions and path_regex",
    );
    assert_problem(
        &format!("[[lock]]\nfunction = \"\"\n{LOCK_OK}"),
        "[[lock]] #1 function = \"\"",
        "must not be empty",
    );
    assert_problem(
        &format!("[[lock]]\nfunction = 3\n{LOCK_OK}"),
        "[[lock]] #1",
        "invalid type",
    );
}

#[test]
fn regexes_must_compile() {
    assert_problem(
        &format!("[[lock]]\npath_regex = \"(unclosed\"\n{LOCK_OK}"),
        "[[lock]] #1 path_regex = \"(unclosed\"",
        "path_regex does not compile",
    );
    assert_problem(
        "[[asm]]\narch = \"x86_64\"\npattern = \"[z-a]\"\neffect = \"atomic_rmw\"\n",
        "[[asm]] #1 pattern = \"[z-a]\"",
        "pattern does not compile",
    );
}

#[test]
fn lock_rules() {
    assert_problem(
        "[[lock]]\nfunction = \"t\"\naction = \"try_acquire\"\nkind = \"spin\"\narg = 0\n",
        "[[lock]] #1 function = \"t\"",
        "needs `success`",
    );
    assert_problem(
        "[[lock]]\nfunction = \"t\"\naction = \"release\"\nkind = \"spin\"\narg = 0\nsuccess = 1\n",
        "[[lock]] #1 function = \"t\"",
        "only applies to action = \"try_acquire\" or \"acquire\"",
    );
    assert_problem(
        "[[lock]]\nfunction = \"t\"\naction = \"try_acquire\"\nkind = \"spin\"\narg = 0\nsuccess = 1\nsuccess_nonzero = true\n",
        "[[lock]] #1 function = \"t\"",
        "not both",
    );
    assert_problem(
        "[[lock]]\nfunction = \"m\"\naction = \"acquire\"\nkind = \"mutex\"\n",
        "[[lock]] #1 function = \"m\"",
        "needs `arg`",
    );
    // RCU is global: no argument needed.
    assert!(
        problems("[[lock]]\nfunction = \"r\"\naction = \"acquire\"\nkind = \"rcu\"\n").is_empty()
    );
    assert_problem(
        "[[lock]]\nfunction = \"u\"\naction = \"release\"\nkind = \"mutex\"\narg = 0\nreturns_guard = true\n",
        "[[lock]] #1 function = \"u\"",
        "returns_guard",
    );
    assert_problem(
        "[[lock]]\nfunction = \"g\"\naction = \"release\"\nkind = \"other\"\narg = 0\nguard_field = 8\n",
        "[[lock]] #1 function = \"g\"",
        "`guard_field` needs `arg_is_guard = true`",
    );
    assert!(problems(
        "[[lock]]\nfunction = \"g\"\naction = \"release\"\nkind = \"other\"\narg = 0\narg_is_guard = true\nguard_field = 8\n"
    )
    .is_empty());
}

#[test]
fn duplicates_within_a_section_are_rejected() {
    let text = format!(
        "[[lock]]\nfunction = \"a\"\n{LOCK_OK}\n[[lock]]\nfunctions = [\"b\", \"a\"]\n{LOCK_OK}"
    );
    assert_problem(
        &text,
        "[[lock]] #2 functions = [\"b\", …]",
        "function \"a\" is already modelled in this section by [[lock]] #1 function = \"a\"",
    );
    // Paths are compared normalised.
    let text = format!("[[lock]]\npath = \"k::L<T>::lock\"\n{LOCK_OK}\n[[lock]]\npath = \"<k::L<i32>>::lock\"\n{LOCK_OK}");
    assert_problem(
        &text,
        "[[lock]] #2 path = \"<k::L<i32>>::lock\"",
        "already modelled",
    );
    // The same function in two sections is fine (mutex_lock locks and sleeps).
    assert!(problems(&format!(
        "[[lock]]\nfunction = \"a\"\n{LOCK_OK}\n[[sleep]]\nfunction = \"a\"\n"
    ))
    .is_empty());
}

#[test]
fn asm_rules() {
    assert_problem(
        "[[asm]]\narch = \"x86\"\npattern = \"x\"\neffect = \"atomic_rmw\"\n",
        "[[asm]] #1 pattern = \"x\"",
        "arch = \"x86\" is not one of x86_64, aarch64, any",
    );
    assert_problem(
        "[[asm]]\narch = \"any\"\npattern = \"x\"\neffect = \"barrier\"\n",
        "[[asm]] #1 pattern = \"x\"",
        "needs `barrier`",
    );
    assert_problem(
        "[[asm]]\narch = \"any\"\npattern = \"x\"\neffect = \"atomic_rmw\"\nbarrier = \"full\"\n",
        "[[asm]] #1 pattern = \"x\"",
        "only applies to effect = \"barrier\"",
    );
    assert_problem(
        "[[asm]]\narch = \"any\"\npattern = \"\"\neffect = \"barrier\"\nbarrier = \"compiler\"\nrequires_clobber = \"~{memory}\"\n",
        "[[asm]] #1 pattern = \"\"",
        "bare clobber name",
    );
}

#[test]
fn spawn_rules() {
    let e = "[[spawn]] #1 function = \"s\"";
    assert_problem(
        "[[spawn]]\nfunction = \"s\"\ncontext = \"work\"\n",
        e,
        "names no callback",
    );
    assert_problem(
        "[[spawn]]\nfunction = \"s\"\ncontext = \"work\"\nobject_arg = 0\n",
        e,
        "needs `callback_field`",
    );
    assert_problem(
        "[[spawn]]\nfunction = \"s\"\ncontext = \"work\"\ncallback_field = 24\n",
        e,
        "needs `object_arg`",
    );
    assert_problem("[[spawn]]\nfunction = \"s\"\ncontext = \"work\"\ncallback = 1\nobject_arg = 0\ncallback_field = 24\n", e, "not both");
    assert_problem("[[spawn]]\nfunction = \"s\"\ncontext = \"thread\"\nobject_arg = 0\ncallback_field = 8\nclosure = true\n", e, "`closure = true` needs `callback`");
    assert_problem(
        "[[spawn]]\nfunction = \"s\"\ncontext = \"thread\"\ncallback = 0\nclosure = true\nscope = true\n",
        e,
        "`scope = true` needs `synchronous = true`",
    );
    assert_problem(
        "[[spawn]]\nfunction = \"s\"\ncontext = \"fiber\"\ncallback = 0\n",
        e,
        "fiber",
    );
    assert_problem(
        "[[spawn]]\nfunction = \"s\"\ncontext = \"hardirq\"\ncallback = 1\nmore_callbacks = [{ callback = 2, ctx = \"irq_thread\" }]\n",
        e,
        "ctx",
    );
}

#[test]
fn alloc_mmio_init_rules() {
    assert_problem(
        "[[alloc]]\nfunction = \"f\"\nfree = true\n",
        "[[alloc]] #1 function = \"f\"",
        "needs `ptr_arg`",
    );
    assert_problem(
        "[[alloc]]\nfunction = \"f\"\nfree = true\nptr_arg = 0\nzeroed = true\n",
        "[[alloc]] #1 function = \"f\"",
        "`zeroed`",
    );
    assert_problem(
        "[[mmio]]\nfunction = \"m\"\nrole = \"map\"\naddr_arg = 0\n",
        "[[mmio]] #1 function = \"m\"",
        "apply to role = \"accessor\" only",
    );
    assert_problem(
        "[[mmio]]\nfunction = \"m\"\nrole = \"accessor\"\naccess = \"rmw\"\n",
        "[[mmio]] #1 function = \"m\"",
        "`rmw`",
    );
    assert_problem(
        "[[init]]\nsection = \".init.text\"\nfunction = \"f\"\nphase = \"init\"\n",
        "[[init]] #1 function = \"f\"",
        "not both",
    );
    assert_problem(
        "[[init]]\nphase = \"init\"\n",
        "[[init]] #1",
        "names no function",
    );
    assert_problem(
        "[[init]]\nsection = \"\"\nphase = \"exit\"\n",
        "[[init]] #1 section = \"\"",
        "must not be empty",
    );
    assert_problem(
        "[[init]]\nfunction = \"f\"\nphase = \"later\"\n",
        "[[init]] #1 function = \"f\"",
        "later",
    );
}

#[test]
fn all_problems_of_a_file_are_reported_together() {
    let text = format!("[[lock]]\n{LOCK_OK}\n[[alloc]]\nfunction = \"f\"\nfree = true\n\n[[asm]]\narch = \"mips\"\npattern = \"x\"\neffect = \"atomic_rmw\"\n");
    assert_eq!(problems(&text).len(), 3, "{:#?}", problems(&text));
}

#[test]
fn syntax_errors_name_the_file_and_position() {
    let err = parse_model_set("broken.toml", "[[lock]\nfunction = \"x\"\n").unwrap_err();
    assert!(matches!(err, ModelError::Syntax { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("broken.toml") && msg.contains("line 1"),
        "{msg}"
    );
}

#[test]
fn garbage_never_panics() {
    for text in [
        "\u{0}",
        "[[",
        "lock = {}",
        "[[lock]]\nfunctions = [1, 2]",
        "[[asm]]\npattern = 5",
        "[lock]\nfunction = \"x\"",
        "[[init]]\nsection = 4\nphase = \"init\"",
    ] {
        let _ = parse_model_set("g.toml", text);
    }
    let mut m = Models::default();
    assert!(m.add_str("g.toml", "[[lock]]\nfunction = \"x\"").is_err());
    assert!(m.sets.is_empty());
}
