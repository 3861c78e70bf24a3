//! Turning debug-info file paths into SARIF artifact locations: relative to
//! `%SRCROOT%` when the file is under the source root (so GitHub can link
//! it to the repository), an absolute `file://` URI otherwise.

use std::path::{Component, Path, PathBuf};

/// The uriBaseId seam uses for the source root.
pub const SRCROOT: &str = "%SRCROOT%";

/// Where a file path points, as SARIF wants it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArtifactUri {
    /// Percent-encoded URI relative to `%SRCROOT%`, `/`-separated, no `./`.
    Relative(String),
    /// Absolute `file://` URI for files outside the source root.
    Absolute(String),
}

/// Maps `file` (absolute, or relative to `root`) onto a URI. `root` must be
/// absolute; `..` components are resolved lexically (debug info often holds
/// `drivers/net/../../include/linux/foo.h`).
pub fn artifact_uri(file: &str, root: &Path) -> ArtifactUri {
    let path = Path::new(file);
    let full = if path.is_absolute() {
        normalize(path)
    } else {
        normalize(&root.join(path))
    };
    let root = normalize(root);
    match full.strip_prefix(&root) {
        Ok(rel) if !rel.as_os_str().is_empty() => {
            let parts: Vec<String> = rel
                .components()
                .map(|c| encode(&c.as_os_str().to_string_lossy()))
                .collect();
            ArtifactUri::Relative(parts.join("/"))
        }
        _ => ArtifactUri::Absolute(file_uri(&full, false)),
    }
}

/// `file:///abs/path` (with a trailing slash when `dir`), percent-encoded.
pub fn file_uri(path: &Path, dir: bool) -> String {
    let path = normalize(path);
    let mut out = String::from("file://");
    for c in path.components() {
        match c {
            Component::RootDir => {}
            other => {
                out.push('/');
                out.push_str(&encode(&other.as_os_str().to_string_lossy()));
            }
        }
    }
    if out == "file://" || dir {
        out.push('/');
    }
    out
}

/// Lexical normalisation: drops `.`, resolves `..` against the previous
/// component (never above the root).
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() && !path.is_absolute() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Percent-encodes one path segment (RFC 3986 unreserved characters stay).
fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_under_root() {
        let root = Path::new("/src/linux");
        assert_eq!(
            artifact_uri("/src/linux/drivers/net/foo.c", root),
            ArtifactUri::Relative("drivers/net/foo.c".into())
        );
        assert_eq!(
            artifact_uri("drivers/./net/../net/foo.c", root),
            ArtifactUri::Relative("drivers/net/foo.c".into())
        );
        assert_eq!(
            artifact_uri("rust/my drv#1.rs", root),
            ArtifactUri::Relative("rust/my%20drv%231.rs".into())
        );
    }

    #[test]
    fn absolute_outside_root() {
        let root = Path::new("/src/linux");
        assert_eq!(
            artifact_uri("/usr/include/stdio.h", root),
            ArtifactUri::Absolute("file:///usr/include/stdio.h".into())
        );
        assert_eq!(
            artifact_uri("../other/x.c", root),
            ArtifactUri::Absolute("file:///src/other/x.c".into())
        );
        // A sibling directory sharing a name prefix is not "under" the root.
        assert_eq!(
            artifact_uri("/src/linux-next/a.c", root),
            ArtifactUri::Absolute("file:///src/linux-next/a.c".into())
        );
    }

    #[test]
    fn root_uri_has_trailing_slash() {
        assert_eq!(
            file_uri(Path::new("/src/linux"), true),
            "file:///src/linux/"
        );
        assert_eq!(file_uri(Path::new("/"), true), "file:///");
    }
}
