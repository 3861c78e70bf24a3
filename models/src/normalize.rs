//! Normalising demangled Rust names so that models can name a function once
//! for every monomorphisation, mangling scheme and crate build.
//!
//! The same method prints very differently depending on the mangling scheme
//! and on whether it is a trait impl:
//!
//! | demangled (input)                                                        | normalised                                   |
//! |--------------------------------------------------------------------------|----------------------------------------------|
//! | `<kernel::sync::lock::Lock<T, B>>::lock` (v0)                             | `kernel::sync::lock::Lock::lock`             |
//! | `kernel::sync::lock::Lock<i32, kernel::…::SpinLockBackend>::lock`         | `kernel::sync::lock::Lock::lock`             |
//! | `<std::sync::poison::mutex::MutexGuard<T> as core::ops::drop::Drop>::drop` | `std::sync::poison::mutex::MutexGuard::drop` |
//! | `std::sync::mutex::Mutex<T>::lock::h0123456789abcdef` (legacy)            | `std::sync::mutex::Mutex::lock`              |
//! | `std::thread::functions::spawn::<s::main::{closure#0}, ()>`              | `std::thread::functions::spawn`              |
//! | `kernel[9a3c2e]::sync::…` (v0 with crate disambiguator)                  | `kernel::sync::…`                            |
//! | `s::main::{closure#0}` / legacy `s::main::{{closure}}`                    | `s::main::{closure}`                         |
//! | `core::ops::function::FnOnce::call_once{{vtable.shim}}`                   | `core::ops::function::FnOnce::call_once::{shim:vtable}` |
//!
//! Rules: the legacy `::h<16 hex>` hash is dropped; v0 crate disambiguators
//! `[hex]` are dropped; generic arguments (`<…>` after a name, and turbofish
//! `::<…>` segments) are dropped; a qualified `<X as Trait>::m` becomes
//! `X::m` (and [`trait_method_path`] gives `Trait::m`); an inherent
//! `<X>::m` becomes `X::m`; closure and shim segments keep their kind but lose
//! their index (`{closure#3}` → `{closure}`), and stay separate segments so
//! that a model for `f` never silently covers a closure defined inside `f`.
//! Self types that are not paths (`&T`, `[T]`, `(A, B)`, `dyn Trait`) keep
//! their sigils (`&alloc::alloc::Global::deallocate`).
//!
//! C names have no Rust syntax and come back unchanged.

/// The normalised self-type form of a demangled Rust name (see module docs).
pub fn normalize_rust_path(demangled: &str) -> String {
    normalize(demangled).0
}

/// For a trait method `<X as Trait>::m`, the normalised `Trait::m`; `None`
/// for anything else. Lets a model cover every implementation of a trait
/// method (`kernel::sync::lock::Backend::unlock`).
pub fn trait_method_path(demangled: &str) -> Option<String> {
    normalize(demangled).1
}

/// Drops a trailing legacy-mangling hash `::h<16 hex digits>`.
pub fn strip_legacy_hash(name: &str) -> &str {
    if let Some(pos) = name.rfind("::h") {
        let hash = &name[pos + 3..];
        if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return &name[..pos];
        }
    }
    name
}

/// Returns (self form, trait form).
pub(crate) fn normalize(demangled: &str) -> (String, Option<String>) {
    let text = strip_disambiguators(strip_legacy_hash(demangled.trim()));
    normalize_path(&text)
}

/// Removes v0 crate disambiguators: `kernel[1a2b3c]::x` → `kernel::x`. Only
/// brackets right after an identifier character qualify, so slice types
/// such as `<[f32] as …>` are left alone.
pub(crate) fn strip_disambiguators(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'['
            && i > 0
            && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')
        {
            if let Some(close) = s[i + 1..].find(']') {
                let inner = &s[i + 1..i + 1 + close];
                if !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_hexdigit()) {
                    i += close + 2;
                    continue;
                }
            }
        }
        // Push the whole UTF-8 character starting at i.
        let ch = s[i..].chars().next().unwrap_or('\u{fffd}');
        out.push(ch);
        i += ch.len_utf8().max(1);
    }
    out
}

/// Splits at `::` outside of any bracket, treating `->` as not closing `<`.
fn split_top_level(s: &str) -> Vec<&str> {
    let bytes = s.as_bytes();
    let mut parts = Vec::new();
    let mut depth: i32 = 0;
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' | b'(' | b'[' | b'{' => depth += 1,
            b'>' if i > 0 && bytes[i - 1] == b'-' => {}
            b'>' | b')' | b']' | b'}' => depth -= 1,
            b':' if depth == 0 && bytes.get(i + 1) == Some(&b':') => {
                parts.push(&s[start..i]);
                i += 2;
                start = i;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(&s[start..]);
    parts
}

/// Index of the `>` matching the `<` at byte 0, if any.
fn matching_angle(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut depth = 0i32;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'<' | b'(' | b'[' | b'{' => depth += 1,
            b'>' if i > 0 && bytes[i - 1] == b'-' => {}
            b'>' | b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return (b == b'>').then_some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Finds ` as ` at bracket depth 0.
fn split_as(s: &str) -> Option<(&str, &str)> {
    let bytes = s.as_bytes();
    let mut depth = 0i32;
    for i in 0..bytes.len() {
        match bytes[i] {
            b'<' | b'(' | b'[' | b'{' => depth += 1,
            b'>' if i > 0 && bytes[i - 1] == b'-' => {}
            b'>' | b')' | b']' | b'}' => depth -= 1,
            b' ' if depth == 0 && s[i..].starts_with(" as ") => {
                return Some((&s[..i], &s[i + 4..]))
            }
            _ => {}
        }
    }
    None
}

fn normalize_path(s: &str) -> (String, Option<String>) {
    let segments = split_top_level(s);
    let mut self_form: Vec<String> = Vec::new();
    let mut trait_form: Option<Vec<String>> = None;
    for (i, seg) in segments.iter().enumerate() {
        let seg = seg.trim();
        if seg.is_empty() {
            continue;
        }
        if seg.starts_with('<') {
            if i > 0 {
                // Turbofish generic arguments: `spawn::<F, T>`.
                continue;
            }
            let Some(close) = matching_angle(seg) else {
                self_form.push(seg.to_string());
                continue;
            };
            let inner = &seg[1..close];
            match split_as(inner) {
                Some((self_ty, trait_path)) => {
                    self_form.push(normalize_type(self_ty));
                    trait_form = Some(vec![normalize_path(trait_path).0]);
                }
                None => self_form.push(normalize_type(inner)),
            }
            continue;
        }
        for part in normalize_segment(seg) {
            if let Some(t) = trait_form.as_mut() {
                t.push(part.clone());
            }
            self_form.push(part);
        }
    }
    (self_form.join("::"), trait_form.map(|t| t.join("::")))
}

/// A self type in `<X as T>` or `<X>` position.
fn normalize_type(ty: &str) -> String {
    let ty = ty.trim();
    for sigil in ["&mut ", "&", "*const ", "*mut ", "dyn "] {
        if let Some(rest) = ty.strip_prefix(sigil) {
            return format!("{sigil}{}", normalize_type(rest));
        }
    }
    if ty.starts_with('[') || ty.starts_with('(') || ty.starts_with("fn") && ty.contains('(') {
        return ty.to_string();
    }
    normalize_path(ty).0
}

/// One path segment without generics; a legacy `name{{shim}}` suffix becomes
/// its own segment.
fn normalize_segment(seg: &str) -> Vec<String> {
    if seg.starts_with('{') {
        return vec![normalize_braced(seg)];
    }
    let name_end = seg.find(['<', '{']).unwrap_or(seg.len());
    let mut parts = vec![seg[..name_end].trim().to_string()];
    // A legacy shim suffix follows the generics at bracket depth 0; braces
    // inside the generics (`call_once<s::main::{closure#3}>`) are not one.
    let bytes = seg.as_bytes();
    let mut depth = 0i32;
    for i in name_end..bytes.len() {
        match bytes[i] {
            b'<' | b'(' | b'[' => depth += 1,
            b'>' if i > 0 && bytes[i - 1] == b'-' => {}
            b'>' | b')' | b']' => depth -= 1,
            b'{' if depth == 0 => {
                parts.push(normalize_braced(&seg[i..]));
                break;
            }
            _ => {}
        }
    }
    parts
}

/// `{closure#0}` / `{{closure}}` → `{closure}`; `{shim:vtable#0}` /
/// `{{vtable.shim}}` → `{shim:vtable}`.
fn normalize_braced(seg: &str) -> String {
    let inner = seg.trim_start_matches('{').trim_end_matches('}');
    let inner = inner.split('#').next().unwrap_or(inner);
    let inner = match inner {
        "vtable.shim" => "shim:vtable",
        "reify.shim" => "shim:reify",
        other => other,
    };
    format!("{{{inner}}}")
}

/// The `::`-boundary prefixes of a normalised path that a `path` matcher may
/// equal, longest first. A prefix never stops before a `{closure}`/`{shim}`
/// segment: code inside a closure is not the function it is defined in.
pub(crate) fn matchable_prefixes(normalized: &str) -> Vec<&str> {
    let segments = split_top_level(normalized);
    let last_brace = segments.iter().rposition(|s| s.starts_with('{'));
    let min_len = last_brace.map_or(1, |i| i + 1);
    let mut out = Vec::new();
    let mut end = normalized.len();
    for k in (min_len..=segments.len()).rev() {
        out.push(&normalized[..end]);
        if k > 1 {
            // Cut the last segment and its `::` separator.
            let last = segments[k - 1];
            end -= last.len() + 2;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_stop_at_closures() {
        assert_eq!(matchable_prefixes("a::b::c"), vec!["a::b::c", "a::b", "a"]);
        assert_eq!(
            matchable_prefixes("a::{closure}::c"),
            vec!["a::{closure}::c", "a::{closure}"]
        );
        assert_eq!(
            matchable_prefixes("a::b::{closure}"),
            vec!["a::b::{closure}"]
        );
        assert_eq!(matchable_prefixes("plain"), vec!["plain"]);
    }
}
