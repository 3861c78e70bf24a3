//! The rule catalog: every rule's stable id, metadata and documentation.
//!
//! The documentation of a rule is the `//!` comment at the top of its module
//! (`rules/<id with - as _>.rs`), read here at compile time with
//! `include_str!` so that `seam explain`, the generated `docs/rules/*.md` and
//! SARIF `help.markdown` can never drift apart.

use super::Level;

/// Static description of one rule. `id` is stable: it is the SARIF `ruleId`
/// and the key of suppressions and baselines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleInfo {
    /// Kebab-case id, e.g. `ffi-data-race`.
    pub id: &'static str,
    /// PascalCase name, e.g. `FfiDataRace` (SARIF `name`).
    pub name: &'static str,
    /// Default level of the rule's findings.
    pub level: Level,
    /// One sentence, no trailing period.
    pub short_description: &'static str,
    /// One-line fix, shown as `= help:` in terminal output.
    pub help: &'static str,
    /// SARIF `properties.tags` (GitHub shows them as filters).
    pub tags: &'static [&'static str],
    /// `high`, `medium` or `low` (SARIF `properties.precision`).
    pub precision: &'static str,
}

/// A rule's metadata together with the source of its module.
struct Entry {
    info: RuleInfo,
    source: &'static str,
}

macro_rules! entries {
    ($($module:ident),* $(,)?) => {
        [$(Entry { info: super::$module::RULE, source: include_str!(concat!(stringify!($module), ".rs")) }),*]
    };
}

/// Catalog order: the order of the table in `DESIGN.md`, also used for SARIF
/// `rules[]` (so `ruleIndex` values are stable between runs).
const ENTRIES: [Entry; 14] = entries![
    ffi_data_race,
    data_race,
    ffi_lock_mismatch,
    rust_native_lock,
    rust_native_atomic,
    missing_acquire,
    missing_release,
    rust_volatile_dependency,
    rust_mmio_volatile,
    ffi_lock_imbalance,
    sleep_in_atomic,
    lock_order_inversion,
    ffi_tiny_call,
    ffi_layout_mismatch,
];

static INFOS: [RuleInfo; 14] = {
    let mut out = [ENTRIES[0].info; 14];
    let mut i = 0;
    while i < ENTRIES.len() {
        out[i] = ENTRIES[i].info;
        i += 1;
    }
    out
};

/// Every rule, in catalog order.
pub fn all() -> &'static [RuleInfo] {
    &INFOS
}

pub fn by_id(id: &str) -> Option<&'static RuleInfo> {
    INFOS.iter().find(|r| r.id == id)
}

/// Index of a rule in [`all`] (SARIF `ruleIndex`).
pub fn index_of(id: &str) -> Option<usize> {
    INFOS.iter().position(|r| r.id == id)
}

/// The doc comment of a rule's module as Markdown, without a title: the
/// summary paragraph, then `## What it does`, `## Why is this bad?`,
/// `## Example`, the fix and `## Known limitations`.
pub fn doc_body(id: &str) -> Option<String> {
    let entry = ENTRIES.iter().find(|e| e.info.id == id)?;
    Some(extract_module_doc(entry.source))
}

/// The full documentation page of a rule: a title line with id and name,
/// the metadata line, then [`doc_body`]. This is what `seam explain` prints,
/// what `docs/rules/<id>.md` contains and what SARIF `help.markdown` holds.
pub fn doc_markdown(id: &str) -> Option<String> {
    let info = by_id(id)?;
    let body = doc_body(id)?;
    Some(format!(
        "# {} ({})\n\nLevel: **{}** · Precision: {} · Tags: {}\n\n{}",
        info.id,
        info.name,
        info.level.name(),
        info.precision,
        info.tags
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(", "),
        body
    ))
}

/// The generated documentation files for `docs/rules/`: one page per rule
/// (`<id>.md`, exactly [`doc_markdown`]) and a `README.md` index. Written by
/// `seam explain --write-docs docs/rules`; a test keeps the checked-in copy
/// identical.
pub fn docs_files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = all()
        .iter()
        .filter_map(|r| Some((format!("{}.md", r.id), doc_markdown(r.id)?)))
        .collect();
    let mut index = String::from(
        "# seam rules\n\n\
         Generated from the rule modules in `analyzer/src/rules/` by\n\
         `seam explain --write-docs docs/rules`; do not edit by hand.\n\
         `seam explain <id>` prints the same pages.\n\n\
         | id | name | level | precision | what it finds |\n\
         |---|---|---|---|---|\n",
    );
    for r in all() {
        index.push_str(&format!(
            "| [`{id}`]({id}.md) | {} | {} | {} | {} |
",
            r.name,
            r.level.name(),
            r.precision,
            r.short_description,
            id = r.id
        ));
    }
    files.push(("README.md".to_string(), index));
    files
}

/// The `## What it does` section as one paragraph of plain text, for SARIF
/// `fullDescription` (which GitHub limits to 1024 characters).
pub fn what_it_does(id: &str) -> Option<String> {
    let body = doc_body(id)?;
    let section = section(&body, "What it does")?;
    Some(section.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The text of a `## <name>` section, up to the next `## ` heading.
fn section<'a>(body: &'a str, name: &str) -> Option<&'a str> {
    let heading = format!("## {name}\n");
    let start = body.find(&heading)? + heading.len();
    let rest = &body[start..];
    let end = rest.find("\n## ").map_or(rest.len(), |i| i + 1);
    Some(rest[..end].trim())
}

/// Collects the leading `//!` lines of a source file into Markdown. Code
/// fences written as `rust,ignore` (so rustdoc does not compile kernel code
/// as a doctest) are shown as plain `rust`.
fn extract_module_doc(source: &str) -> String {
    let mut out = String::new();
    for line in source.lines() {
        let Some(rest) = line.strip_prefix("//!") else {
            break;
        };
        let text = rest.strip_prefix(' ').unwrap_or(rest);
        let text = match text.trim_end().strip_prefix("```") {
            Some(info) if !info.is_empty() => {
                let lang = info.split(',').next().unwrap_or(info);
                format!("```{lang}")
            }
            _ => text.trim_end().to_string(),
        };
        out.push_str(&text);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_unique_kebab_and_match_module_names() {
        let mut seen = std::collections::HashSet::new();
        for (entry, info) in ENTRIES.iter().zip(all()) {
            assert_eq!(entry.info, *info);
            assert!(seen.insert(info.id), "duplicate id {}", info.id);
            assert!(
                info.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                info.id
            );
            // The module file name is the id with `-` as `_`; `include_str!`
            // above used the module name, so check the source declares this id.
            assert!(entry.source.contains(&format!("id: \"{}\"", info.id)));
            let pascal: String = info
                .id
                .split('-')
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                        .unwrap_or_default()
                })
                .collect();
            assert_eq!(info.name, pascal);
            assert!(matches!(info.precision, "high" | "medium" | "low"));
            assert!(!info.short_description.ends_with('.'));
        }
        assert_eq!(seen.len(), 14);
    }

    #[test]
    fn every_doc_has_the_required_sections() {
        for info in all() {
            let body = doc_body(info.id).unwrap();
            let first = body.lines().next().unwrap();
            assert!(
                !first.is_empty() && !first.starts_with('#'),
                "{}: summary first",
                info.id
            );
            for heading in ["## What it does\n", "## Why is this bad?\n", "## Example\n"] {
                assert!(body.contains(heading), "{} lacks {heading:?}", info.id);
            }
            assert!(body.contains("Use instead:"), "{} lacks a fix", info.id);
            assert!(
                !body.contains("rust,ignore"),
                "{}: fence info not normalised",
                info.id
            );
            assert_eq!(
                body.matches("```").count() % 2,
                0,
                "{}: unbalanced code fences",
                info.id
            );
            let what = what_it_does(info.id).unwrap();
            assert!(
                what.len() > 80 && !what.contains("## "),
                "{}: {what}",
                info.id
            );
        }
    }

    #[test]
    fn unknown_id() {
        assert!(by_id("no-such-rule").is_none());
        assert!(doc_markdown("no-such-rule").is_none());
        assert_eq!(index_of("data-race"), Some(1));
    }

    #[test]
    fn markdown_page_has_title_and_metadata() {
        let page = doc_markdown("ffi-data-race").unwrap();
        assert!(page.starts_with("# ffi-data-race (FfiDataRace)\n\nLevel: **error**"));
        assert!(page.contains("`external/cwe/cwe-362`"));
    }
}
