//! Parsing and validating one model file.
//!
//! The file is first read as a plain TOML table so that every problem can
//! name the entry it is in (`[[lock]] #3 function = "x"`), then each entry is
//! deserialised on its own: the matcher keys are split off into a
//! [`Matcher`] and the rest into the entry type, both rejecting unknown keys.
//! All problems of a file are collected and reported together; a file with
//! any problem is rejected as a whole.

use std::collections::HashMap;
use std::fmt;

use regex::Regex;
use serde::de::DeserializeOwned;

use crate::types::*;

/// Why a model file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("cannot read models file {file}: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("models file {file} is not valid TOML: {message}")]
    Syntax { file: String, message: String },
    #[error("models file {file} has {} problem(s):{}", problems.len(), ProblemList(problems))]
    Invalid {
        file: String,
        problems: Vec<EntryProblem>,
    },
}

impl ModelError {
    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            ModelError::Io { file, .. }
            | ModelError::Syntax { file, .. }
            | ModelError::Invalid { file, .. } => file,
        }
    }
}

/// One problem in one entry of a model file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryProblem {
    /// The entry, e.g. `[[lock]] #3 function = "x"` (1-based, in file
    /// order); `(top level)` for problems outside any entry.
    pub entry: String,
    pub reason: String,
}

impl fmt::Display for EntryProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.entry, self.reason)
    }
}

struct ProblemList<'a>(&'a [EntryProblem]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in self.0 {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

const MATCHER_KEYS: [&str; 4] = ["function", "functions", "path", "path_regex"];

/// Section names as written in files (`[[lock]]`), in describe order.
pub(crate) const SECTIONS: [&str; 16] = [
    "lock",
    "access",
    "barrier",
    "asm",
    "spawn",
    "join",
    "current_thread",
    "rendezvous",
    "alloc",
    "sleep",
    "drop",
    "buffer",
    "mmio",
    "init",
    "static_call",
    "condition",
];

/// Architectures an `[[asm]]` entry may name.
pub(crate) const ASM_ARCHES: [&str; 3] = ["x86_64", "aarch64", "any"];

/// Parses and validates one file's text. `file` names it in errors.
pub fn parse_model_set(file: &str, text: &str) -> Result<ModelSet, ModelError> {
    let table: toml::Table = toml::from_str(text).map_err(|e| ModelError::Syntax {
        file: file.to_string(),
        message: e.to_string().trim_end().to_string(),
    })?;
    let mut set = ModelSet {
        source: file.to_string(),
        ..ModelSet::default()
    };
    let mut problems = Vec::new();
    let top = |reason: String| EntryProblem {
        entry: "(top level)".into(),
        reason,
    };
    for (key, value) in table {
        match key.as_str() {
            "name" | "description" => match value {
                toml::Value::String(s) if key == "name" => set.name = s,
                toml::Value::String(s) => set.description = s,
                other => problems.push(top(format!(
                    "`{key}` must be a string, found {}",
                    other.type_str()
                ))),
            },
            "lock" => set.locks = entries(&key, value, &mut problems),
            "access" => set.accesses = entries(&key, value, &mut problems),
            "barrier" => set.barriers = entries(&key, value, &mut problems),
            "asm" => set.asm = entries(&key, value, &mut problems),
            "spawn" => set.spawns = entries(&key, value, &mut problems),
            "join" => set.joins = entries(&key, value, &mut problems),
            "current_thread" => set.current_threads = entries(&key, value, &mut problems),
            "rendezvous" => set.rendezvous = entries(&key, value, &mut problems),
            "alloc" => set.allocs = entries(&key, value, &mut problems),
            "sleep" => set.sleeps = entries(&key, value, &mut problems),
            "drop" => set.drops = entries(&key, value, &mut problems),
            "buffer" => set.buffers = entries(&key, value, &mut problems),
            "mmio" => set.mmio = entries(&key, value, &mut problems),
            "init" => set.inits = entries(&key, value, &mut problems),
            "static_call" => set.static_calls = entries(&key, value, &mut problems),
            "condition" => set.conditions = entries(&key, value, &mut problems),
            other => problems.push(top(format!(
                "unknown key `{other}`; expected `name`, `description` or a section [[{}]]",
                SECTIONS.join("]], [[")
            ))),
        }
    }
    if problems.is_empty() {
        Ok(set)
    } else {
        Err(ModelError::Invalid {
            file: file.to_string(),
            problems,
        })
    }
}

/// One entry type: how to reach its matcher and what else to check.
pub(crate) trait Entry: DeserializeOwned {
    /// The entry's matcher; `None` for `[[asm]]`, which has none.
    fn matcher(&self) -> Option<&Matcher>;
    fn matcher_mut(&mut self) -> Option<&mut Matcher>;
    /// Whether the entry must name functions (`[[init]]` may name a section
    /// instead and checks that itself).
    fn matcher_required() -> bool {
        true
    }
    /// Entry-specific checks; push reasons.
    fn check(&self, _reasons: &mut Vec<String>) {}
}

fn entries<T: Entry>(
    section: &str,
    value: toml::Value,
    problems: &mut Vec<EntryProblem>,
) -> Vec<T> {
    let toml::Value::Array(items) = value else {
        problems.push(EntryProblem {
            entry: format!("[[{section}]]"),
            reason: format!(
                "must be an array of tables (write `[[{section}]]`), found {}",
                value.type_str()
            ),
        });
        return Vec::new();
    };
    let mut out = Vec::new();
    // Same symbol or path twice in one section of one file is a mistake:
    // only one of them could ever be found.
    let mut seen: HashMap<String, String> = HashMap::new();
    for (i, item) in items.into_iter().enumerate() {
        let toml::Value::Table(table) = item else {
            problems.push(EntryProblem {
                entry: format!("[[{section}]] #{}", i + 1),
                reason: format!("must be a table, found {}", item.type_str()),
            });
            continue;
        };
        let label = entry_label(section, i + 1, &table);
        let mut reasons = Vec::new();
        if let Some(entry) = parse_entry::<T>(table, &mut reasons) {
            if let Some(matcher) = entry.matcher() {
                if T::matcher_required() {
                    check_matcher(matcher, &mut reasons);
                }
                for key in matcher_keys(matcher) {
                    if let Some(first) = seen.insert(key.clone(), label.clone()) {
                        reasons.push(format!(
                            "{key} is already modelled in this section by {first}"
                        ));
                    }
                }
            }
            entry.check(&mut reasons);
            if reasons.is_empty() {
                out.push(entry);
            }
        }
        problems.extend(reasons.into_iter().map(|reason| EntryProblem {
            entry: label.clone(),
            reason,
        }));
    }
    out
}

fn parse_entry<T: Entry>(mut table: toml::Table, reasons: &mut Vec<String>) -> Option<T> {
    // Split the matcher keys off; the rest must deserialise as the entry.
    let mut matcher_table = toml::Table::new();
    for key in MATCHER_KEYS {
        if let Some(v) = table.remove(key) {
            matcher_table.insert(key.to_string(), v);
        }
    }
    let matcher_keys_given: Vec<String> = matcher_table.keys().cloned().collect();
    let matcher = match toml::Value::Table(matcher_table).try_into::<Matcher>() {
        Ok(m) => m,
        Err(e) => {
            reasons.push(clean_serde_message(&e.to_string()));
            return None;
        }
    };
    match toml::Value::Table(table).try_into::<T>() {
        Ok(mut entry) => match entry.matcher_mut() {
            Some(m) => {
                *m = matcher;
                Some(entry)
            }
            None if matcher_keys_given.is_empty() => Some(entry),
            None => {
                reasons.push(format!(
                    "unknown field `{}`: this section matches asm text with `pattern`, not functions",
                    matcher_keys_given.join("`, `")
                ));
                None
            }
        },
        Err(e) => {
            reasons.push(clean_serde_message(&e.to_string()));
            None
        }
    }
}

/// toml's messages for value deserialisation can carry a trailing newline
/// or a "TOML parse error" header without position; keep the useful line.
fn clean_serde_message(message: &str) -> String {
    let lines: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("TOML parse error"))
        .collect();
    if lines.is_empty() {
        message.trim().to_string()
    } else {
        lines.join(" ")
    }
}

/// `[[lock]] #3 function = "x"`: the section, the 1-based index, and the
/// first naming key the entry has, so a user can find it in the file.
fn entry_label(section: &str, index: usize, table: &toml::Table) -> String {
    let mut label = format!("[[{section}]] #{index}");
    for key in ["function", "path", "path_regex", "section", "pattern"] {
        if let Some(toml::Value::String(v)) = table.get(key) {
            label.push_str(&format!(" {key} = {v:?}"));
            return label;
        }
    }
    if let Some(toml::Value::Array(a)) = table.get("functions") {
        if let Some(toml::Value::String(first)) = a.first() {
            let more = if a.len() > 1 { ", …" } else { "" };
            label.push_str(&format!(" functions = [{first:?}{more}]"));
        }
    }
    label
}

/// Keys identifying what an entry matches, for duplicate detection.
fn matcher_keys(m: &Matcher) -> Vec<String> {
    let mut keys: Vec<String> = m
        .function
        .iter()
        .chain(&m.functions)
        .map(|f| format!("function {f:?}"))
        .collect();
    if let Some(p) = &m.path {
        keys.push(format!("path {:?}", crate::normalize_rust_path(p)));
    }
    if let Some(r) = &m.path_regex {
        keys.push(format!("path_regex {r:?}"));
    }
    keys
}

fn check_matcher(m: &Matcher, reasons: &mut Vec<String>) {
    let given: Vec<&str> = [
        m.function.is_some().then_some("function"),
        (!m.functions.is_empty()).then_some("functions"),
        m.path.is_some().then_some("path"),
        m.path_regex.is_some().then_some("path_regex"),
    ]
    .into_iter()
    .flatten()
    .collect();
    match given.len() {
        0 => reasons.push(
            "names no function: give exactly one of `function`, `functions`, `path`, `path_regex`"
                .into(),
        ),
        1 => {}
        _ => reasons.push(format!(
            "gives {}: give exactly one of them",
            given.join(" and ")
        )),
    }
    for name in m.function.iter().chain(&m.functions).chain(&m.path) {
        if name.trim().is_empty() {
            reasons.push("function names and paths must not be empty".into());
        }
    }
    if let Some(re) = &m.path_regex {
        if let Err(e) = Regex::new(re) {
            reasons.push(format!(
                "path_regex does not compile: {}",
                one_line(&e.to_string())
            ));
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

macro_rules! matcher_access {
    () => {
        fn matcher(&self) -> Option<&Matcher> {
            Some(&self.matcher)
        }
        fn matcher_mut(&mut self) -> Option<&mut Matcher> {
            Some(&mut self.matcher)
        }
    };
}

impl Entry for LockModel {
    matcher_access!();
    fn check(&self, reasons: &mut Vec<String>) {
        match (self.action, self.success, self.success_nonzero) {
            (LockAction::TryAcquire, None, false) => reasons.push(
                "action = \"try_acquire\" needs `success` (the return value meaning acquired) or `success_nonzero = true`".into(),
            ),
            (LockAction::TryAcquire, Some(_), true) => {
                reasons.push("give either `success` or `success_nonzero = true`, not both".into())
            }
            (LockAction::Release, Some(_), _) | (LockAction::Acquire | LockAction::Release, _, true) => {
                reasons.push("`success` only applies to action = \"try_acquire\" or \"acquire\", `success_nonzero` only to \"try_acquire\"".into())
            }
            _ => {}
        }
        if self.arg.is_none() && !self.returns_guard && self.kind != LockKind::Rcu && !self.global {
            reasons.push(format!(
                "kind = \"{}\" needs `arg` (the argument pointing at the lock) or `global = true`; only rcu is global by default",
                self.kind
            ));
        }
        if self.global && self.arg.is_some() {
            reasons.push("a `global` lock takes no `arg`".into());
        }
        if self.body && (!self.global || self.action != LockAction::Acquire) {
            reasons.push("`body = true` needs `global = true` and action = \"acquire\"".into());
        }
        if self.guard_field != 0 && !self.arg_is_guard {
            reasons.push("`guard_field` needs `arg_is_guard = true`".into());
        }
        if self.returns_guard && self.action == LockAction::Release {
            reasons.push("`returns_guard` applies to acquiring functions, not to a release".into());
        }
    }
}

impl Entry for AccessModel {
    matcher_access!();
}

impl Entry for BarrierModel {
    matcher_access!();
}

impl Entry for StaticCallModel {
    fn matcher(&self) -> Option<&Matcher> {
        None
    }
    fn matcher_mut(&mut self) -> Option<&mut Matcher> {
        None
    }
    fn check(&self, reasons: &mut Vec<String>) {
        if self.trampoline_prefix.is_empty() || self.key_prefix.is_empty() {
            reasons.push("trampoline_prefix and key_prefix must not be empty".into());
        }
    }
}

impl Entry for AsmModel {
    fn matcher(&self) -> Option<&Matcher> {
        None
    }
    fn matcher_mut(&mut self) -> Option<&mut Matcher> {
        None
    }
    fn check(&self, reasons: &mut Vec<String>) {
        if !ASM_ARCHES.contains(&self.arch.as_str()) {
            reasons.push(format!(
                "arch = {:?} is not one of {}",
                self.arch,
                ASM_ARCHES.join(", ")
            ));
        }
        if let Err(e) = Regex::new(&self.pattern) {
            reasons.push(format!(
                "pattern does not compile: {}",
                one_line(&e.to_string())
            ));
        }
        match (self.effect, self.barrier) {
            (AsmEffect::Barrier, None) => reasons.push(
                "effect = \"barrier\" needs `barrier` (full, read, write or compiler)".into(),
            ),
            (e, Some(_)) if e != AsmEffect::Barrier => {
                reasons.push("`barrier` only applies to effect = \"barrier\"".into())
            }
            _ => {}
        }
        if let Some(c) = &self.requires_clobber {
            if c.is_empty() || c.contains(['{', '}', '~', ',']) {
                reasons.push(format!(
                    "requires_clobber = {c:?} must be a bare clobber name such as \"memory\""
                ));
            }
        }
    }
}

impl Entry for SpawnModel {
    matcher_access!();
    fn check(&self, reasons: &mut Vec<String>) {
        match (self.callback, self.object_arg, self.callback_field) {
            (Some(_), None, None) | (None, Some(_), Some(_)) => {}
            (None, Some(_), None) if self.boxed_closure => {}
            (Some(_), _, _) => reasons
                .push("give either `callback` or `object_arg` + `callback_field`, not both".into()),
            (None, Some(_), None) => reasons.push(
                "`object_arg` needs `callback_field` (byte offset of the function pointer)".into(),
            ),
            (None, None, Some(_)) => reasons.push("`callback_field` needs `object_arg`".into()),
            (None, None, None) => reasons.push(
                "names no callback: give `callback` or `object_arg` + `callback_field`".into(),
            ),
        }
        if self.callback_params.is_some() && (self.closure || self.boxed_closure) {
            reasons.push(
                "`callback_params` describes a C function pointer; a Rust closure has none".into(),
            );
        }
        if self.callback_returns.is_some() && self.callback_params.is_none() {
            reasons.push("`callback_returns` needs `callback_params`".into());
        }
        if self.callback_data_struct.is_some() && self.callback_params.is_none() {
            reasons.push("`callback_data_struct` needs `callback_params`".into());
        }
        if let Some(ps) = &self.callback_params {
            if self.data.is_some() && self.data_param as usize >= ps.len() {
                reasons.push(format!(
                    "data_param = {} but `callback_params` lists {} parameter(s)",
                    self.data_param,
                    ps.len()
                ));
            }
        }
        if self.program_main && !self.synchronous {
            reasons.push(
                "`program_main = true` needs `synchronous = true` (main runs in the caller)".into(),
            );
        }
        if self.trampoline && !self.synchronous {
            reasons.push(
                "`trampoline = true` needs `synchronous = true` (the callback runs in the caller)"
                    .into(),
            );
        }
        if self.scope && !self.synchronous {
            reasons.push(
                "`scope = true` needs `synchronous = true` (the callback runs in the caller)"
                    .into(),
            );
        }
        if self.at_exit.is_some() {
            if self.callback.is_none() {
                reasons
                    .push("`at_exit` needs `callback` (the argument holding the handler)".into());
            }
            if self.synchronous
                || self.closure
                || self.boxed_closure
                || self.returns_handle
                || self.handle_arg.is_some()
                || self.success.is_some()
                || !self.more_callbacks.is_empty()
            {
                reasons.push(
                    "`at_exit` is a handler run at exit, not a thread or a call: no `synchronous`, \
                     `closure`, `boxed_closure`, `returns_handle`, `handle_arg`, `success` or \
                     `more_callbacks`"
                        .into(),
                );
            }
        } else if !self.exit_calls.is_empty() {
            reasons.push("`exit_calls` needs `at_exit`".into());
        }
        if self.closure && self.callback.is_none() {
            reasons.push(
                "`closure = true` needs `callback` (the argument holding the closure)".into(),
            );
        }
    }
}

impl Entry for JoinModel {
    matcher_access!();
}

impl Entry for RendezvousModel {
    matcher_access!();
    fn check(&self, reasons: &mut Vec<String>) {
        match (self.role, self.arg) {
            (RendezvousRole::Barrier, None) => reasons.push(
                "role = \"barrier\" needs `arg` (the argument pointing at the barrier)".into(),
            ),
            (RendezvousRole::Create, None) => reasons.push(
                "role = \"create\" needs `arg` (the argument pointing at the channel)".into(),
            ),
            _ => {}
        }
        if (self.role == RendezvousRole::Create) != self.value_arg.is_some() {
            reasons.push("`value_arg` is given exactly for role = \"create\"".into());
        }
        if self.serial.is_some() && self.role != RendezvousRole::Barrier {
            reasons.push("`serial` is only for role = \"barrier\"".into());
        }
    }
}

impl Entry for AllocModel {
    matcher_access!();
    fn check(&self, reasons: &mut Vec<String>) {
        if self.free && self.ptr_arg.is_none() {
            reasons.push("`free = true` needs `ptr_arg` (the argument being freed)".into());
        }
        if self.free && self.zeroed {
            reasons.push("`zeroed` makes no sense with `free = true`".into());
        }
        if self.thread_private && (self.free || self.zeroed || self.size_arg.is_some()) {
            reasons.push(
                "`thread_private` returns existing memory: no `free`, `zeroed` or `size_arg`"
                    .into(),
            );
        }
    }
}

impl Entry for SleepModel {
    matcher_access!();
}

impl Entry for ConditionModel {
    matcher_access!();
}

impl Entry for CurrentThreadModel {
    matcher_access!();
}

impl Entry for DropModel {
    matcher_access!();
}

impl Entry for BufferModel {
    matcher_access!();
    fn check(&self, reasons: &mut Vec<String>) {
        if self.reads.is_empty() && self.writes.is_empty() && self.writes_from.is_none() {
            reasons.push("a `[[buffer]]` entry needs `reads`, `writes` or `writes_from`".into());
        }
    }
}

impl Entry for MmioModel {
    matcher_access!();
    fn check(&self, reasons: &mut Vec<String>) {
        if self.role == MmioRole::Map && (self.addr_arg.is_some() || self.access.is_some()) {
            reasons.push("`addr_arg` and `access` apply to role = \"accessor\" only".into());
        }
        if self.access == Some(AccessType::Rmw) {
            reasons
                .push("an MMIO accessor reads or writes; `rmw` is not an accessor access".into());
        }
    }
}

impl Entry for InitModel {
    matcher_access!();
    fn matcher_required() -> bool {
        // Checked in `check`: a section or a matcher, not both.
        false
    }
    fn check(&self, reasons: &mut Vec<String>) {
        let m = &self.matcher;
        let has_matcher = m.function.is_some()
            || !m.functions.is_empty()
            || m.path.is_some()
            || m.path_regex.is_some();
        match (&self.section, has_matcher) {
            (Some(_), true) => {
                reasons.push("give either `section` or a function matcher, not both".into())
            }
            (Some(s), false) if s.is_empty() => reasons.push("`section` must not be empty".into()),
            (Some(_), false) => {}
            (None, _) => check_matcher(m, reasons),
        }
    }
}
