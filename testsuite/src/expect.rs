//! Per-line expectations written in the case sources:
//! `// expect: <rule-id>[ #tag][, <rule-id>[ #tag]]...` on the line of the
//! access a finding must name. C and Rust use the same comment syntax.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use regex::Regex;

/// Every rule id seam can report (the design's rule catalog). An annotation
/// naming anything else is a typo and fails the case instead of silently
/// never matching.
pub const RULES: &[&str] = &[
    "ffi-data-race",
    "data-race",
    "ffi-lock-mismatch",
    "rust-native-lock",
    "rust-native-atomic",
    "missing-acquire",
    "missing-release",
    "rust-volatile-dependency",
    "rust-mmio-volatile",
    "ffi-lock-imbalance",
    "sleep-in-atomic",
    "lock-order-inversion",
    "ffi-tiny-call",
    "ffi-layout-mismatch",
];

/// One annotated (file, line, rule, tag).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Expectation {
    pub file: PathBuf,
    pub line: u32,
    pub rule: String,
    /// `None` for an untagged annotation; untagged lines only pair with
    /// untagged lines of the same rule.
    pub tag: Option<String>,
}

fn annotation_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"//\s*expect:\s*(.*)$").expect("static regex"))
}

fn item_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^([a-z0-9-]+)(?:\s+#([A-Za-z0-9_-]+))?$").expect("static regex"))
}

/// Parses the annotations of one source file. `file` is recorded as given
/// (callers pass absolute paths so that findings can be compared to it).
pub fn parse_source(file: &Path, text: &str) -> Result<Vec<Expectation>, String> {
    let mut out = Vec::new();
    for (idx, line) in text.lines().enumerate() {
        let Some(caps) = annotation_re().captures(line) else {
            continue;
        };
        let lineno = idx as u32 + 1;
        let body = caps[1].trim();
        if body.is_empty() {
            return Err(format!(
                "{}:{lineno}: empty `expect:` annotation",
                file.display()
            ));
        }
        for item in body.split(',') {
            let item = item.trim();
            let Some(m) = item_re().captures(item) else {
                return Err(format!(
                    "{}:{lineno}: malformed expectation `{item}` (want `<rule-id>` or `<rule-id> #tag`)",
                    file.display()
                ));
            };
            let rule = m[1].to_string();
            if !RULES.contains(&rule.as_str()) {
                return Err(format!(
                    "{}:{lineno}: unknown rule id `{rule}`",
                    file.display()
                ));
            }
            let exp = Expectation {
                file: file.to_path_buf(),
                line: lineno,
                rule,
                tag: m.get(2).map(|t| t.as_str().to_string()),
            };
            if out.contains(&exp) {
                return Err(format!(
                    "{}:{lineno}: `{item}` annotated twice",
                    file.display()
                ));
            }
            out.push(exp);
        }
    }
    Ok(out)
}

/// Parses every file and concatenates the annotations.
pub fn parse_files(files: &[PathBuf]) -> Result<Vec<Expectation>, String> {
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        out.extend(parse_source(f, &text)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<Vec<Expectation>, String> {
        parse_source(Path::new("/c/a.c"), text)
    }

    #[test]
    fn parses_rules_tags_and_lists() {
        let e = p("x = 1;\n  d->n++; // expect: data-race\nfoo(); //expect: ffi-data-race #a, data-race #b\n").unwrap();
        assert_eq!(e.len(), 3);
        assert_eq!(
            (e[0].line, e[0].rule.as_str(), e[0].tag.as_deref()),
            (2, "data-race", None)
        );
        assert_eq!(
            (e[1].line, e[1].rule.as_str(), e[1].tag.as_deref()),
            (3, "ffi-data-race", Some("a"))
        );
        assert_eq!(
            (e[2].line, e[2].rule.as_str(), e[2].tag.as_deref()),
            (3, "data-race", Some("b"))
        );
    }

    #[test]
    fn rejects_typos_and_garbage() {
        assert!(p("x; // expect: data-racee\n")
            .unwrap_err()
            .contains("unknown rule id"));
        assert!(p("x; // expect: data-race #\n")
            .unwrap_err()
            .contains("malformed"));
        assert!(p("x; // expect:\n").unwrap_err().contains("empty"));
        assert!(p("x; // expect: data-race, data-race\n")
            .unwrap_err()
            .contains("twice"));
        assert!(p("x; // expect: data-race # a\n").is_err());
    }

    #[test]
    fn ignores_lines_without_annotation() {
        assert!(p("// expected: data-race\n/* expect data-race */\n")
            .unwrap()
            .is_empty());
    }
}
