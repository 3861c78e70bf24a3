//! Terminal output in the style of rustc/clang diagnostics:
//!
//! ```text
//! error[ffi-data-race]: data race on `struct foo_dev.events`
//!   --> drivers/misc/foo.c:42:9
//!    |
//! 42 |     dev->events++;
//!    |     ^^^^^^^^^^^^^ write (plain, 4 bytes) in `foo_irq` [C]
//!    |
//!    = root: irq handler foo_irq
//! ```
//!
//! Plain ASCII unless colour is on; colour is ANSI SGR only.

use std::fmt::Write as _;

use super::source::{token_end, SourceCache};
use super::RunReport;
use crate::rules::{
    catalog, AccessKind, AccessSite, Finding, HeldLock, Level, PathStep, SourceLoc,
};

#[derive(Clone, Copy, Debug, Default)]
pub struct TextOptions {
    pub color: bool,
}

/// ANSI styles; all empty when colour is off.
struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn level(&self, level: Level, text: &str) -> String {
        let code = match level {
            Level::Error => "1;31",
            Level::Warning => "1;33",
            Level::Note => "1;32",
        };
        self.paint(code, text)
    }
    fn gutter(&self, text: &str) -> String {
        self.paint("1;34", text)
    }
    fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }
    fn help(&self, text: &str) -> String {
        self.paint("1;36", text)
    }
}

/// Renders every finding, then the summary line.
pub fn render(report: &RunReport, sources: &mut SourceCache, opts: TextOptions) -> String {
    let style = Style { on: opts.color };
    let mut out = String::new();
    for f in &report.findings {
        render_finding(&mut out, f, sources, &style);
        out.push('\n');
    }
    out.push_str(&summary(report, &style));
    out.push('\n');
    out
}

/// The summary line alone (what `--quiet` still prints).
pub fn render_summary(report: &RunReport, opts: TextOptions) -> String {
    summary(report, &Style { on: opts.color })
}

/// One finding as a diagnostic block (no trailing blank line).
fn render_finding(out: &mut String, f: &Finding, sources: &mut SourceCache, style: &Style) {
    let head = format!("{}[{}]", f.level.name(), f.rule);
    let _ = writeln!(
        out,
        "{}{}",
        style.level(f.level, &head),
        style.bold(&format!(": {}", f.title))
    );
    let width = gutter_width(f);
    let pad = " ".repeat(width);
    for a in &f.accesses {
        render_access(out, a, f.level, sources, style, &pad);
    }
    for r in &f.related {
        let _ = writeln!(
            out,
            "{pad}{} {}",
            style.gutter(":::"),
            loc_text(&r.loc, sources)
        );
        snippet(
            out, &r.loc, &r.message, '-', f.level, sources, style, &pad, false,
        );
    }
    let bar = style.gutter("=");
    // The explanation often restates the title as its first sentence.
    let message = f.message.trim();
    let message = message
        .strip_prefix(f.title.trim())
        .and_then(|m| m.strip_prefix('.'))
        .map_or(message, str::trim_start);
    if !message.is_empty() {
        let _ = writeln!(out, "{pad} {bar} {}: {message}", style.bold("note"));
    }
    let help = catalog::by_id(&f.rule).map(|r| r.help);
    if let Some(help) = help {
        let _ = writeln!(out, "{pad} {bar} {}: {help}", style.help("help"));
    }
    if catalog::by_id(&f.rule).is_some() {
        let _ = writeln!(
            out,
            "{pad} {bar} {}: run `seam explain {}` for details",
            style.help("info"),
            f.rule
        );
    }
}

fn render_access(
    out: &mut String,
    a: &AccessSite,
    level: Level,
    sources: &mut SourceCache,
    style: &Style,
    pad: &str,
) {
    // Size 0: not one sized access (an ordering rule's flag, a lock call).
    let size = if a.size == 0 {
        String::new()
    } else {
        format!(", {} bytes", a.size)
    };
    let label = format!(
        "{} ({}{size}) in `{}` [{}]",
        kind_name(a.kind),
        a.marking,
        a.function,
        a.language.name()
    );
    match &a.loc {
        Some(loc) => {
            let _ = writeln!(
                out,
                "{}{} {}",
                pad,
                style.gutter("-->"),
                loc_text(loc, sources)
            );
            snippet(out, loc, &label, '^', level, sources, style, pad, true);
        }
        None => {
            let _ = writeln!(
                out,
                "{}{} <no debug location> in `{}`",
                pad,
                style.gutter("-->"),
                a.function
            );
            let _ = writeln!(out, "{pad} {} {label}", style.gutter("="));
        }
    }
    let bar = style.gutter("=");
    // Rules about one function's code (ordering, lock balance) name no root.
    if !a.root.is_empty() {
        let _ = writeln!(out, "{pad} {bar} root: {}", a.root);
    }
    let _ = writeln!(
        out,
        "{pad} {bar} locks held: {}",
        lockset_text(&a.lockset, sources)
    );
    if !a.path.is_empty() {
        let _ = writeln!(out, "{pad} {bar} path: {}", path_text(&a.path));
    }
}

/// Source line with a marker under the accessed expression, or just the
/// label when the source file is not found.
#[allow(clippy::too_many_arguments)]
fn snippet(
    out: &mut String,
    loc: &SourceLoc,
    label: &str,
    marker: char,
    level: Level,
    sources: &mut SourceCache,
    style: &Style,
    pad: &str,
    primary: bool,
) {
    let bar = style.gutter("|");
    let Some(line) = sources.line(&loc.file, loc.line).map(str::to_string) else {
        let _ = writeln!(out, "{pad} {} {label}", style.gutter("="));
        return;
    };
    let shown = expand_tabs(&line);
    let _ = writeln!(out, "{pad} {bar}");
    let _ = writeln!(
        out,
        "{} {bar} {}",
        style.gutter(&format!("{:>w$}", loc.line, w = pad.len())),
        shown.trim_end()
    );
    let paint = |t: &str| {
        if primary {
            style.level(level, t)
        } else {
            style.gutter(t)
        }
    };
    if loc.column == 0 {
        let _ = writeln!(out, "{pad} {bar} {}", paint(label));
    } else {
        let start = (loc.column as usize - 1).min(line.len());
        let end = token_end(&line, loc.column)
            .map_or(start + 1, |e| e as usize - 1)
            .min(line.len())
            .max(start + 1);
        let lead = visual_width(line.get(..start).unwrap_or(&line));
        let len = line.get(start..end).map_or(1, visual_width).max(1);
        let marks: String = std::iter::repeat_n(marker, len).collect();
        let _ = writeln!(
            out,
            "{pad} {bar} {}{}",
            " ".repeat(lead),
            paint(&format!("{marks} {label}"))
        );
    }
    let _ = writeln!(out, "{pad} {bar}");
}

const TAB: &str = "    ";

fn expand_tabs(line: &str) -> String {
    line.replace('\t', TAB)
}

fn visual_width(text: &str) -> usize {
    text.chars()
        .map(|c| if c == '\t' { TAB.len() } else { 1 })
        .sum()
}

fn gutter_width(f: &Finding) -> usize {
    let max_line = f
        .accesses
        .iter()
        .filter_map(|a| a.loc.as_ref())
        .chain(f.related.iter().map(|r| &r.loc))
        .map(|l| l.line)
        .max()
        .unwrap_or(0);
    // rustc's layout: the gutter is as wide as the largest line number.
    max_line.to_string().len()
}

fn kind_name(k: AccessKind) -> &'static str {
    match k {
        AccessKind::Read => "read",
        AccessKind::Write => "write",
        AccessKind::Update => "update",
    }
}

/// `file:line:col`, the file relative to the source root when under it.
pub fn loc_text(l: &SourceLoc, sources: &SourceCache) -> String {
    let file = sources.display(&l.file);
    if l.column == 0 {
        format!("{file}:{}", l.line)
    } else {
        format!("{file}:{}:{}", l.line, l.column)
    }
}

fn lockset_text(locks: &[HeldLock], sources: &SourceCache) -> String {
    if locks.is_empty() {
        return "none".into();
    }
    locks
        .iter()
        .map(|l| {
            let at = l
                .acquired_at
                .as_ref()
                .map(|a| format!(", taken at {}", loc_text(a, sources)))
                .unwrap_or_default();
            format!("{} `{}` ({}{at})", l.kind, l.name, l.mode)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The functions along the path, consecutive repeats merged; long paths
/// keep both ends.
fn path_text(path: &[PathStep]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for s in path {
        if names.last() != Some(&s.function.as_str()) {
            names.push(&s.function);
        }
    }
    const KEEP: usize = 8;
    if names.len() > KEEP {
        let tail = names.split_off(names.len() - (KEEP - 2));
        names.truncate(2);
        names.push("...");
        names.extend(tail);
    }
    names.join(" -> ")
}

/// `seam: 3 findings (2 errors, 1 warning) ...`
fn summary(report: &RunReport, style: &Style) -> String {
    let mut parts = Vec::new();
    let n = report.findings.len();
    if n == 0 {
        parts.push("no findings".to_string());
    } else {
        let mut by_level = Vec::new();
        for level in [Level::Error, Level::Warning, Level::Note] {
            let c = report.findings.iter().filter(|f| f.level == level).count();
            if c > 0 {
                by_level.push(style.level(level, &plural(c, level.name())));
            }
        }
        // Per rule, in catalog order, then unknown rules by name.
        let mut rules: Vec<(usize, String, Level, usize)> = Vec::new();
        for f in &report.findings {
            match rules.iter_mut().find(|r| r.1 == f.rule && r.2 == f.level) {
                Some(r) => r.3 += 1,
                None => rules.push((
                    catalog::index_of(&f.rule).unwrap_or(usize::MAX),
                    f.rule.clone(),
                    f.level,
                    1,
                )),
            }
        }
        rules.sort();
        let per_rule: Vec<String> = rules
            .iter()
            .map(|(_, id, lvl, c)| format!("{id} ({}): {c}", lvl.name()))
            .collect();
        parts.push(format!(
            "{} ({}): {}",
            plural(n, "finding"),
            by_level.join(", "),
            per_rule.join(", ")
        ));
    }
    if !report.suppressed.is_empty() {
        parts.push(format!("{} suppressed", report.suppressed.len()));
    }
    if let Some(b) = &report.baseline {
        parts.push(format!(
            "{} unchanged and {} fixed since baseline",
            b.unchanged,
            b.absent.len()
        ));
    }
    if !report.errors.is_empty() {
        parts.push(format!(
            "{} could not be read",
            plural(report.errors.len(), "input")
        ));
    }
    format!("{} {}", style.bold("seam:"), parts.join("; "))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_summary() {
        let style = Style { on: false };
        assert_eq!(summary(&RunReport::default(), &style), "seam: no findings");
        assert_eq!(plural(2, "error"), "2 errors");
        let colored = Style { on: true };
        assert!(summary(&RunReport::default(), &colored).contains("\x1b[1m"));
    }

    #[test]
    fn long_paths_keep_both_ends() {
        let steps: Vec<PathStep> = (0..20)
            .map(|i| PathStep {
                kind: crate::rules::StepKind::Call,
                function: format!("f{i}"),
                language: crate::ir::Language::C,
                loc: None,
                message: String::new(),
            })
            .collect();
        assert_eq!(
            path_text(&steps),
            "f0 -> f1 -> ... -> f14 -> f15 -> f16 -> f17 -> f18 -> f19"
        );
    }
}
