//! SARIF 2.1.0 output for seam, shaped for GitHub code scanning.
//!
//! This crate knows nothing of the analyzer: it takes its own view of
//! findings ([`ResultView`]), rules ([`RuleView`]) and notifications, and
//! builds a [`serde_sarif::sarif::Sarif`] log from them. The `seam` binary
//! maps its findings into these types (`analyzer/src/cli/sarif.rs`), which
//! keeps the analysis library free of any SARIF dependency and this crate
//! free of a dependency cycle. `docs/sarif.md` describes the output.
//!
//! What GitHub relies on and this crate guarantees: every rule in
//! `tool.driver.rules` (with `fullDescription` ≤ 1024 characters), exactly
//! one primary location per result, `relatedLocations` ids that match the
//! `[text](id)` links in the message, `partialFingerprints` with seam's
//! line-independent key, repository-relative URIs under `%SRCROOT%`, and at
//! most [`MAX_RESULTS`] results.

pub use serde_sarif;

pub mod message;
pub mod uri;

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use serde_json::{json, Value};
use serde_sarif::sarif as s;

pub use uri::{artifact_uri, ArtifactUri, SRCROOT};

/// The `$schema` written into every log.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// GitHub code scanning rejects runs with more results than this.
pub const MAX_RESULTS: usize = 25_000;
/// GitHub shows at most this many threadFlow locations per thread flow.
pub const MAX_THREAD_FLOW_STEPS: usize = 1_000;
/// GitHub truncates `fullDescription` beyond this many characters.
pub const MAX_FULL_DESCRIPTION: usize = 1_024;
/// The `partialFingerprints` key carrying seam's line-independent identity.
pub const FINGERPRINT_KEY: &str = "seam/v1";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Note,
    Warning,
    Error,
}

impl Level {
    fn sarif(self) -> s::ResultLevel {
        match self {
            Level::Note => s::ResultLevel::Note,
            Level::Warning => s::ResultLevel::Warning,
            Level::Error => s::ResultLevel::Error,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    /// GitHub's `problem.severity` vocabulary.
    fn problem_severity(self) -> &'static str {
        match self {
            Level::Note => "recommendation",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

#[derive(Clone, Debug)]
pub struct ToolView {
    pub name: String,
    pub version: String,
    pub information_uri: String,
}

/// One rule of the catalog.
#[derive(Clone, Debug)]
pub struct RuleView {
    pub id: String,
    /// PascalCase, e.g. `FfiDataRace`.
    pub name: String,
    pub level: Level,
    pub short_description: String,
    /// Plain text; cut to [`MAX_FULL_DESCRIPTION`] characters if longer.
    pub full_description: String,
    /// The rule's documentation page, Markdown.
    pub help_markdown: String,
    pub tags: Vec<String>,
    /// `high`, `medium` or `low`.
    pub precision: String,
}

/// A source position as debug info gives it: 1-based line and column (a
/// column of 0 means unknown), `file` absolute or relative to the source root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocView {
    pub file: String,
    pub line: u32,
    pub column: u32,
    /// Column just past the end of the region, when the caller read the
    /// source line; otherwise the region is one column wide.
    pub end_column: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    Entry,
    Call,
    Acquire,
    Release,
    Memory,
}

impl StepKind {
    /// SARIF's well-known threadFlowLocation kinds.
    fn kinds(self) -> Vec<String> {
        let k: &[&str] = match self {
            StepKind::Entry => &["enter", "function"],
            StepKind::Call => &["call"],
            StepKind::Acquire => &["acquire", "lock"],
            StepKind::Release => &["release", "lock"],
            StepKind::Memory => &["memory"],
        };
        k.iter().map(|s| s.to_string()).collect()
    }
}

#[derive(Clone, Debug)]
pub struct StepView {
    pub kind: StepKind,
    pub loc: Option<LocView>,
    pub message: String,
}

/// One side of a result: an access and the thread that makes it.
#[derive(Clone, Debug)]
pub struct AccessView {
    /// Link text in the result message: `write`, `read`, `update`.
    pub label: String,
    /// Text after the link, e.g. "in `foo_irq` (C, plain, no lock held)".
    pub summary: String,
    pub loc: Option<LocView>,
    /// Thread root name, e.g. `irq handler foo_irq`; empty for rules about
    /// one function's code (ordering, lock balance).
    pub root: String,
    /// Language of the access, `C` or `Rust`.
    pub language: String,
    /// Human-readable lockset, e.g. "holding `struct foo_dev.lock`" or "no lock held".
    pub lockset: String,
    /// Path from the root to the access, root first.
    pub steps: Vec<StepView>,
}

#[derive(Clone, Debug)]
pub struct RelatedView {
    pub loc: LocView,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaselineState {
    New,
    Unchanged,
    Absent,
}

impl BaselineState {
    fn name(self) -> &'static str {
        match self {
            BaselineState::New => "new",
            BaselineState::Unchanged => "unchanged",
            BaselineState::Absent => "absent",
        }
    }
}

/// A finding as SARIF sees it.
#[derive(Clone, Debug)]
pub struct ResultView {
    pub rule_id: String,
    pub level: Level,
    /// One sentence, first in `message.text`.
    pub title: String,
    /// Further explanation after the access links.
    pub detail: String,
    /// The primary access first.
    pub accesses: Vec<AccessView>,
    /// Lock acquisitions and other places worth showing.
    pub related: Vec<RelatedView>,
    /// seam's stable identity (rule, functions, location name).
    pub fingerprint: String,
    /// In [0, 1]; also written as SARIF `rank` (0–100).
    pub confidence: f32,
    /// Source-level name of the memory location, kept in `properties`.
    pub memory_location: String,
    pub baseline_state: Option<BaselineState>,
    /// Justification of an external (`seam.toml`) suppression.
    pub suppression: Option<String>,
}

/// A problem running the tool (an unreadable input, a cut result list).
#[derive(Clone, Debug)]
pub struct NotificationView {
    pub level: Level,
    pub message: String,
    /// The file the notification is about.
    pub file: Option<String>,
}

/// Everything one SARIF run is built from.
#[derive(Clone, Debug)]
pub struct RunView {
    pub tool: ToolView,
    /// Every rule, in a stable order (`ruleIndex` points into it).
    pub rules: Vec<RuleView>,
    pub results: Vec<ResultView>,
    /// Results of an earlier seam SARIF log that are no longer present, as
    /// read from that log; written back with `baselineState: "absent"`.
    pub absent_sarif_results: Vec<Value>,
    pub notifications: Vec<NotificationView>,
    /// `automationDetails.id`; a trailing `/` is added if missing.
    pub category: String,
    /// Absolute directory `%SRCROOT%` stands for.
    pub source_root: PathBuf,
    pub execution_successful: bool,
}

/// Builds the SARIF log for a run.
pub fn build(run: &RunView) -> s::Sarif {
    let rule_index: BTreeMap<&str, usize> = run
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut notifications: Vec<s::Notification> = run
        .notifications
        .iter()
        .map(|n| notification(n, run))
        .collect();

    // Rank (level, then confidence) so a cut keeps the most important; the
    // sort is stable, so equal results keep the analysis' order.
    let mut ranked: Vec<&ResultView> = run.results.iter().collect();
    ranked.sort_by(|a, b| {
        b.level
            .cmp(&a.level)
            .then(b.confidence.total_cmp(&a.confidence))
    });
    let mut results = Vec::new();
    let mut without_location = 0usize;
    let mut cut = 0usize;
    for r in ranked {
        if results.len() == MAX_RESULTS {
            cut += 1;
            continue;
        }
        match result(r, rule_index.get(r.rule_id.as_str()).copied(), run) {
            Some(res) => results.push(res),
            None => without_location += 1,
        }
    }
    for prior in &run.absent_sarif_results {
        if results.len() == MAX_RESULTS {
            cut += 1;
            continue;
        }
        match absent_result(prior, &rule_index) {
            Some(res) => results.push(res),
            None => notifications.push(notification(
                &NotificationView {
                    level: Level::Warning,
                    message: "a result of the baseline log is not valid SARIF and was not carried over as absent".into(),
                    file: None,
                },
                run,
            )),
        }
    }
    if cut > 0 {
        notifications.push(notification(
            &NotificationView {
                level: Level::Warning,
                message: format!(
                    "{cut} results were left out: a SARIF run holds at most {MAX_RESULTS} results; the highest-ranked (by level, then confidence) were kept"
                ),
                file: None,
            },
            run,
        ));
    }
    if without_location > 0 {
        notifications.push(notification(
            &NotificationView {
                level: Level::Warning,
                message: format!(
                    "{without_location} results were left out because none of their accesses has a source location (build with -g to get debug info)"
                ),
                file: None,
            },
            run,
        ));
    }

    let driver = s::ToolComponent::builder()
        .name(run.tool.name.clone())
        .semantic_version(run.tool.version.clone())
        .information_uri(run.tool.information_uri.clone())
        .rules(run.rules.iter().map(rule).collect::<Vec<_>>())
        .build();
    let mut base_ids = BTreeMap::new();
    base_ids.insert(
        SRCROOT.to_string(),
        s::ArtifactLocation {
            uri: Some(uri::file_uri(&run.source_root, true)),
            ..Default::default()
        },
    );
    let category = if run.category.ends_with('/') {
        run.category.clone()
    } else {
        format!("{}/", run.category)
    };
    let mut invocation = s::Invocation::builder()
        .execution_successful(run.execution_successful)
        .build();
    if !notifications.is_empty() {
        invocation.tool_execution_notifications = Some(notifications);
    }
    let run_out = s::Run::builder()
        .tool(s::Tool::builder().driver(driver).build())
        .results(results)
        .invocations(vec![invocation])
        .original_uri_base_ids(base_ids)
        .automation_details(s::RunAutomationDetails {
            id: Some(category),
            ..Default::default()
        })
        .column_kind(json!("utf16CodeUnits"))
        .build();
    s::Sarif::builder()
        .schema(SCHEMA_URI)
        .runs(vec![run_out])
        .version(json!("2.1.0"))
        .build()
}

/// Serialises a log with two-space indentation.
pub fn to_string_pretty(log: &s::Sarif) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(log)
}

/// Reads an earlier seam SARIF log: each result's seam fingerprint and the
/// result itself (for `absent` reporting). Results without a `seam/v1`
/// fingerprint are skipped. Errors say what is wrong with the file.
pub fn prior_results(log: &Value) -> Result<Vec<(String, Value)>, String> {
    let runs = log
        .get("runs")
        .and_then(Value::as_array)
        .ok_or("not a SARIF log: no `runs` array")?;
    let mut out = Vec::new();
    for run in runs {
        let Some(results) = run.get("results").and_then(Value::as_array) else {
            continue;
        };
        for r in results {
            // A result that was already absent in that log is not part of it.
            if r.get("baselineState").and_then(Value::as_str) == Some("absent") {
                continue;
            }
            if let Some(fp) = r
                .pointer(&format!(
                    "/partialFingerprints/{}",
                    FINGERPRINT_KEY.replace('/', "~1")
                ))
                .and_then(Value::as_str)
            {
                out.push((fp.to_string(), r.clone()));
            }
        }
    }
    Ok(out)
}

fn rule(r: &RuleView) -> s::ReportingDescriptor {
    let mut props = BTreeMap::new();
    props.insert("precision".to_string(), json!(r.precision));
    props.insert(
        "problem.severity".to_string(),
        json!(r.level.problem_severity()),
    );
    s::ReportingDescriptor::builder()
        .id(r.id.clone())
        .name(r.name.clone())
        .short_description(text(&r.short_description))
        .full_description(text(&truncate_chars(
            &r.full_description,
            MAX_FULL_DESCRIPTION,
        )))
        .help(
            s::MultiformatMessageString::builder()
                .text(r.help_markdown.clone())
                .markdown(r.help_markdown.clone())
                .build(),
        )
        .default_configuration(s::ReportingConfiguration {
            level: Some(json!(r.level.name())),
            ..Default::default()
        })
        .properties(s::PropertyBag {
            tags: Some(r.tags.clone()),
            additional_properties: props,
        })
        .build()
}

fn text(t: &str) -> s::MultiformatMessageString {
    s::MultiformatMessageString::builder()
        .text(t.to_string())
        .build()
}

/// Cuts at a character (not byte) limit, ending with `…` when cut.
fn truncate_chars(t: &str, max: usize) -> String {
    if t.chars().count() <= max {
        return t.to_string();
    }
    let mut out: String = t.chars().take(max - 1).collect();
    out.push('…');
    out
}

fn result(r: &ResultView, rule_index: Option<usize>, run: &RunView) -> Option<s::Result> {
    // Related ids: accesses first (1, 2, …) so the message links read
    // naturally, then the other related places.
    let mut related = Vec::new();
    let mut message_parts = Vec::new();
    let mut next_id = 1i64;
    for a in &r.accesses {
        match &a.loc {
            Some(loc) => {
                let id = next_id;
                next_id += 1;
                related.push(location(
                    loc,
                    Some(id),
                    Some(&format!("{} {}", a.label, a.summary)),
                    run,
                ));
                message_parts.push(format!(
                    "{} {}",
                    message::link(&a.label, id),
                    message::escape(&a.summary)
                ));
            }
            None => message_parts.push(format!(
                "{} {}",
                message::escape(&a.label),
                message::escape(&a.summary)
            )),
        }
    }
    let mut seen: HashSet<(String, u32, u32)> = HashSet::new();
    for rel in &r.related {
        if !seen.insert((rel.loc.file.clone(), rel.loc.line, rel.loc.column)) {
            continue;
        }
        related.push(location(&rel.loc, Some(next_id), Some(&rel.message), run));
        next_id += 1;
    }

    // Exactly one primary location: the first access that has a source
    // location, else the first related place.
    let primary_loc = r
        .accesses
        .iter()
        .find_map(|a| a.loc.as_ref())
        .or_else(|| r.related.first().map(|x| &x.loc))?;
    let primary = location(primary_loc, None, None, run);

    let mut text = message::escape(&message::sentence(&r.title));
    if !message_parts.is_empty() {
        text.push(' ');
        text.push_str(&capitalize(&message_parts.join("; ")));
        text.push('.');
    }
    // The analysis' explanation often restates the title first.
    let title_sentence = message::sentence(&r.title);
    let detail = r.detail.trim();
    let detail = detail
        .strip_prefix(title_sentence.as_str())
        .map_or(detail, str::trim_start);
    if !detail.is_empty() {
        text.push(' ');
        text.push_str(&message::escape(detail));
    }

    let thread_flows: Vec<s::ThreadFlow> = r
        .accesses
        .iter()
        .enumerate()
        .filter_map(|(i, a)| thread_flow(i, a, run))
        .collect();
    let code_flows = if thread_flows.is_empty() {
        None
    } else {
        Some(vec![s::CodeFlow::builder()
            .thread_flows(thread_flows)
            .build()])
    };

    let mut fps = BTreeMap::new();
    fps.insert(FINGERPRINT_KEY.to_string(), r.fingerprint.clone());
    // A non-finite score would serialise as `null`, which the schema rejects.
    let confidence = if r.confidence.is_finite() {
        r.confidence.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let mut props = BTreeMap::new();
    props.insert("confidence".to_string(), json!(round3(confidence)));
    props.insert("memoryLocation".to_string(), json!(r.memory_location));
    let mut out = s::Result::builder()
        .message(s::Message {
            text: Some(text),
            ..Default::default()
        })
        .build();
    out.rule_id = Some(r.rule_id.clone());
    out.rule_index = rule_index.map(|i| i as i64);
    out.level = Some(r.level.sarif());
    out.locations = Some(vec![primary]);
    out.related_locations = if related.is_empty() {
        None
    } else {
        Some(related)
    };
    out.code_flows = code_flows;
    out.partial_fingerprints = Some(fps);
    out.rank = Some((round3(confidence) * 100.0).round());
    out.baseline_state = r.baseline_state.map(|b| json!(b.name()));
    out.suppressions = r.suppression.as_ref().map(|j| {
        vec![s::Suppression::builder()
            .kind(json!("external"))
            .status(json!("accepted"))
            .justification(j.clone())
            .build()]
    });
    out.properties = Some(s::PropertyBag {
        tags: None,
        additional_properties: props,
    });
    Some(out)
}

/// Rounds through f64 so that 0.7f32 is written as 0.7, not 0.699999988.
fn round3(x: f32) -> f64 {
    let x: f64 = format!("{x}").parse().unwrap_or(f64::from(x));
    (x * 1000.0).round() / 1000.0
}

fn capitalize(t: &str) -> String {
    let mut c = t.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// One thread flow per access: the steps from its root, ending at the access.
fn thread_flow(i: usize, a: &AccessView, run: &RunView) -> Option<s::ThreadFlow> {
    let mut steps: Vec<(Vec<String>, &LocView, String)> = a
        .steps
        .iter()
        .filter_map(|st| {
            st.loc
                .as_ref()
                .map(|l| (st.kind.kinds(), l, st.message.clone()))
        })
        .collect();
    if let Some(loc) = &a.loc {
        let ends_at_access = steps
            .last()
            .is_some_and(|(_, l, _)| l.file == loc.file && l.line == loc.line);
        if !ends_at_access {
            steps.push((
                StepKind::Memory.kinds(),
                loc,
                format!("{} {}", a.label, a.summary),
            ));
        }
    }
    if steps.is_empty() {
        return None;
    }
    // Keep the root and the steps nearest the access when the path is long.
    if steps.len() > MAX_THREAD_FLOW_STEPS {
        let tail = steps.split_off(steps.len() - (MAX_THREAD_FLOW_STEPS - 1));
        steps.truncate(1);
        steps.extend(tail);
    }
    let locations: Vec<s::ThreadFlowLocation> = steps
        .into_iter()
        .enumerate()
        .map(|(order, (kinds, loc, msg))| s::ThreadFlowLocation {
            location: Some(location(loc, None, Some(&msg), run)),
            kinds: Some(kinds),
            execution_order: Some(order as i64 + 1),
            ..Default::default()
        })
        .collect();
    Some(
        s::ThreadFlow::builder()
            .id(format!("access-{}", i + 1))
            .message(s::Message {
                text: Some(message::escape(&if a.root.is_empty() {
                    format!("{}, {}", a.language, a.lockset)
                } else {
                    format!("{} ({}), {}", a.root, a.language, a.lockset)
                })),
                ..Default::default()
            })
            .locations(locations)
            .build(),
    )
}

fn location(loc: &LocView, id: Option<i64>, msg: Option<&str>, run: &RunView) -> s::Location {
    s::Location {
        id,
        message: msg.map(|m| s::Message {
            text: Some(message::escape(m)),
            ..Default::default()
        }),
        physical_location: Some(physical(loc, run)),
        ..Default::default()
    }
}

fn artifact(file: &str, run: &RunView) -> s::ArtifactLocation {
    match artifact_uri(file, &run.source_root) {
        ArtifactUri::Relative(u) => s::ArtifactLocation {
            uri: Some(u),
            uri_base_id: Some(SRCROOT.to_string()),
            ..Default::default()
        },
        ArtifactUri::Absolute(u) => s::ArtifactLocation {
            uri: Some(u),
            ..Default::default()
        },
    }
}

fn physical(loc: &LocView, run: &RunView) -> s::PhysicalLocation {
    let line = i64::from(loc.line.max(1));
    let start = i64::from(loc.column.max(1));
    let end = loc
        .end_column
        .map(i64::from)
        .filter(|&e| e > start)
        .unwrap_or(start + 1);
    s::PhysicalLocation {
        artifact_location: Some(artifact(&loc.file, run)),
        region: Some(s::Region {
            start_line: Some(line),
            start_column: Some(start),
            end_line: Some(line),
            end_column: Some(end),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn notification(n: &NotificationView, run: &RunView) -> s::Notification {
    let mut out = s::Notification::builder()
        .level(json!(n.level.name()))
        .message(s::Message {
            text: Some(n.message.clone()),
            ..Default::default()
        })
        .build();
    out.locations = n.file.as_ref().map(|f| {
        vec![s::Location {
            physical_location: Some(s::PhysicalLocation {
                artifact_location: Some(artifact(f, run)),
                ..Default::default()
            }),
            ..Default::default()
        }]
    });
    out
}

/// A result of an earlier log written back as `absent`, with `ruleIndex`
/// pointing into this run's rules.
fn absent_result(prior: &Value, rule_index: &BTreeMap<&str, usize>) -> Option<s::Result> {
    let mut res: s::Result = serde_json::from_value(prior.clone()).ok()?;
    res.rule_index = res
        .rule_id
        .as_deref()
        .and_then(|id| rule_index.get(id))
        .map(|&i| i as i64);
    res.baseline_state = Some(json!(BaselineState::Absent.name()));
    Some(res)
}
