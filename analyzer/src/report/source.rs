//! Reading source lines for snippets and region ends. Debug info names
//! files either absolutely or relative to the compilation directory; seam
//! looks them up as given, then under each source root.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Caches the lines of every source file read, so a file shared by many
/// findings is read once. Unreadable files are remembered as such.
#[derive(Debug, Default)]
pub struct SourceCache {
    roots: Vec<PathBuf>,
    files: HashMap<String, Option<Vec<String>>>,
}

impl SourceCache {
    /// `roots` are tried in order for relative paths (e.g. `--source-root`,
    /// then the current directory).
    pub fn new(roots: Vec<PathBuf>) -> SourceCache {
        SourceCache {
            roots,
            files: HashMap::new(),
        }
    }

    /// Where `file` is on disk, if it exists.
    pub fn resolve(&self, file: &str) -> Option<PathBuf> {
        let path = Path::new(file);
        if path.is_absolute() {
            return path.is_file().then(|| path.to_path_buf());
        }
        self.roots
            .iter()
            .map(|r| r.join(path))
            .find(|p| p.is_file())
    }

    /// How to show `file` to a user: relative to the first root it is
    /// under (as rustc shows paths relative to the workspace), else as given.
    pub fn display(&self, file: &str) -> String {
        let path = Path::new(file);
        if path.is_absolute() {
            for root in &self.roots {
                if let Ok(rel) = path.strip_prefix(root) {
                    if !rel.as_os_str().is_empty() {
                        return rel.display().to_string();
                    }
                }
            }
        }
        file.to_string()
    }

    /// The 1-based `line` of `file`, without its line terminator.
    pub fn line(&mut self, file: &str, line: u32) -> Option<&str> {
        if !self.files.contains_key(file) {
            let lines = self
                .resolve(file)
                .and_then(|p| std::fs::read(p).ok())
                .map(|bytes| {
                    String::from_utf8_lossy(&bytes)
                        .lines()
                        .map(str::to_string)
                        .collect()
                });
            self.files.insert(file.to_string(), lines);
        }
        let lines = self.files.get(file)?.as_ref()?;
        lines
            .get(usize::try_from(line).ok()?.checked_sub(1)?)
            .map(String::as_str)
    }
}

/// The 1-based column just past the expression starting at byte column
/// `column` of `line`: an identifier or number, extended over member
/// accesses (`dev->stats.count`) and trailing `++`/`--`, since that is
/// what debug-info columns of loads and stores point at. `None` when the
/// column is outside the line or points at nothing token-like.
pub fn token_end(line: &str, column: u32) -> Option<u32> {
    let start = usize::try_from(column).ok()?.checked_sub(1)?;
    let bytes = line.as_bytes();
    if start >= bytes.len() {
        return None;
    }
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = start;
    // `*p`, `(*dev).x`, `&x`: step over a leading operator to the operand.
    while i < bytes.len() && matches!(bytes[i], b'*' | b'&' | b'(' | b'!') {
        i += 1;
    }
    if i >= bytes.len() || !word(bytes[i]) {
        return None;
    }
    loop {
        while i < bytes.len() && word(bytes[i]) {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b')' && line[start..i].contains('(') {
            i += 1;
        }
        let rest = &line[i..];
        let skip = if rest.starts_with("->") || rest.starts_with("::") {
            2
        } else if rest.starts_with('.') {
            1
        } else {
            0
        };
        if skip > 0 && rest.as_bytes().get(skip).is_some_and(|&b| word(b)) {
            i += skip;
            continue;
        }
        if rest.starts_with("++") || rest.starts_with("--") {
            i += 2;
        }
        break;
    }
    Some(u32::try_from(i).ok()? + 1)
}

/// Converts a 1-based byte column of `line` to a 1-based UTF-16 column, as
/// SARIF (`columnKind: utf16CodeUnits`) counts.
pub fn utf16_column(line: &str, column: u32) -> u32 {
    let byte = (column.max(1) - 1) as usize;
    let prefix = line.get(..byte.min(line.len())).unwrap_or(line);
    let units: usize = prefix.chars().map(char::len_utf16).sum();
    (units + byte.saturating_sub(line.len())) as u32 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_ends() {
        let c = "\tdev->stats.count++;";
        assert_eq!(token_end(c, 2), Some(20));
        let r = "    unsafe { (*dev).events }";
        assert_eq!(token_end(r, 14), Some(27));
        assert_eq!(token_end("x = y;", 3), None);
        assert_eq!(token_end("short", 40), None);
        assert_eq!(token_end("a", 0), None);
    }

    #[test]
    fn utf16_columns() {
        assert_eq!(utf16_column("abc", 2), 2);
        // `é` is two bytes in UTF-8, one UTF-16 unit.
        assert_eq!(utf16_column("é = x;", 4), 3);
    }

    #[test]
    fn reads_lines_under_roots() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("drivers")).unwrap();
        std::fs::write(dir.path().join("drivers/a.c"), "one\ntwo\n").unwrap();
        let mut cache = SourceCache::new(vec![dir.path().to_path_buf()]);
        assert_eq!(cache.line("drivers/a.c", 2), Some("two"));
        assert_eq!(cache.line("drivers/a.c", 3), None);
        assert_eq!(cache.line("drivers/a.c", 0), None);
        assert_eq!(cache.line("missing.c", 1), None);
        let abs = dir.path().join("drivers/a.c").display().to_string();
        assert_eq!(cache.display(&abs), "drivers/a.c");
        assert_eq!(cache.display("/elsewhere/b.c"), "/elsewhere/b.c");
    }
}
