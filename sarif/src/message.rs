//! SARIF message text rules (SARIF 2.1.0 §3.11): `[text](id)` is an
//! embedded link to the related location with that id, so literal `[` and
//! `]` must be written `\[` and `\]`; `{` and `}` start placeholders, so
//! literal braces are doubled (Rust names contain `{closure#0}`).

/// Escapes free text for a SARIF plain-text message.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            '{' => out.push_str("{{"),
            '}' => out.push_str("}}"),
            c => out.push(c),
        }
    }
    out
}

/// An embedded link to the related location `id`.
pub fn link(text: &str, id: i64) -> String {
    format!("[{}]({id})", escape(text))
}

/// Makes `title` a sentence: trimmed, ending in exactly one period.
pub fn sentence(title: &str) -> String {
    let t = title.trim().trim_end_matches('.');
    format!("{t}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_links_and_placeholders() {
        assert_eq!(
            escape("a[0] in foo::{closure#0}"),
            "a\\[0\\] in foo::{{closure#0}}"
        );
        assert_eq!(link("write", 1), "[write](1)");
        assert_eq!(sentence("Data race on x."), "Data race on x.");
    }
}
