//! Turns the command line's inputs (files, directories, `@FILE` lists) into
//! an ordered list of files, keeping errors in input order.
//!
//! Rules (also in docs/ingest.md):
//! - `@FILE` lists one input per line; blank lines and lines starting with
//!   `#` are ignored; surrounding whitespace is trimmed. Relative paths are
//!   relative to the directory of the list file, so a list written next to
//!   a build tree works from any working directory. Lines may themselves be
//!   directories or `@FILE` lists (nested up to 16 deep).
//! - Directories are walked recursively in name order. Hidden entries (name
//!   starting with `.`, e.g. kbuild's `.tmp_*`) are skipped, symlinked
//!   directories are followed once. A file is taken when its extension is
//!   `.bc .ll .o .a .rlib` or its content starts with the bitcode magic.
//!   Thin archives found by a walk are skipped: their members are files in
//!   the tree already.
//! - A thin archive named as an input (kbuild's `built-in.a`) stands for its
//!   member files, read from the archive's directory.
//! - A file named twice (same canonical path) is read once.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::bitstream;
use super::IngestError;

/// A file to read, and how it was found.
#[derive(Clone, Debug)]
pub struct InputFile {
    pub path: PathBuf,
    /// How the file is named in origins and messages.
    pub display: String,
    /// The directory input (as given) whose walk found this file; files
    /// without bitcode found by a walk are skipped quietly.
    pub from_directory: Option<String>,
}

/// One step of the expanded input list, in input order.
#[derive(Debug)]
pub enum Entry {
    File(InputFile),
    Error(IngestError),
    Note(String),
}

const MAX_LIST_DEPTH: usize = 16;
const EXTENSIONS: &[&str] = &["bc", "ll", "o", "a", "rlib"];
/// Never bitcode: not even opened during a directory walk (a kernel tree
/// holds ~100k of these).
const SOURCE_EXTENSIONS: &[&str] = &[
    "c", "h", "rs", "s", "cmd", "d", "txt", "rst", "md", "py", "sh", "json", "toml", "yaml", "mod",
    "order", "symvers",
];

pub fn expand(inputs: &[PathBuf]) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for input in inputs {
        expand_one(input, 0, &mut seen, &mut out);
    }
    out
}

fn display(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn error(path: &Path, reason: impl Into<String>) -> Entry {
    Entry::Error(IngestError {
        path: display(path),
        reason: reason.into(),
    })
}

fn expand_one(input: &Path, depth: usize, seen: &mut HashSet<PathBuf>, out: &mut Vec<Entry>) {
    if let Some(list) = input.to_str().and_then(|s| s.strip_prefix('@')) {
        expand_list(Path::new(list), depth, seen, out);
        return;
    }
    let meta = match fs::metadata(input) {
        Ok(m) => m,
        Err(e) => {
            out.push(error(input, io_reason(&e)));
            return;
        }
    };
    if meta.is_dir() {
        let before = out.len();
        let mut visited = HashSet::new();
        walk_dir(input, &display(input), seen, &mut visited, out);
        let found = out[before..]
            .iter()
            .filter(|e| matches!(e, Entry::File(_)))
            .count();
        if found == 0 && !out[before..].iter().any(|e| matches!(e, Entry::Error(_))) {
            out.push(error(
                input,
                "directory contains no bitcode, IR, object or archive files",
            ));
        }
        return;
    }
    if is_thin_archive(input) {
        expand_thin_archive(input, seen, out);
        return;
    }
    push_file(input, None, seen, out);
}

fn is_thin_archive(path: &Path) -> bool {
    let mut head = [0u8; 8];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && &head[..] == super::container::THIN_ARCHIVE_MAGIC
}

/// A thin archive (kbuild's `built-in.a`) only names its members: each is
/// a file relative to the archive's directory, read as its own input and
/// shown as `archive(member)`.
fn expand_thin_archive(archive: &Path, seen: &mut HashSet<PathBuf>, out: &mut Vec<Entry>) {
    let data = match fs::read(archive) {
        Ok(d) => d,
        Err(e) => {
            out.push(error(archive, io_reason(&e)));
            return;
        }
    };
    let parsed = match object::read::archive::ArchiveFile::parse(&*data) {
        Ok(a) => a,
        Err(e) => {
            out.push(error(archive, format!("corrupted thin archive: {e}")));
            return;
        }
    };
    let base = archive.parent().unwrap_or(Path::new(""));
    let before = out.len();
    for member in parsed.members() {
        let member = match member {
            Ok(m) => m,
            Err(e) => {
                out.push(error(archive, format!("corrupted thin archive: {e}")));
                break;
            }
        };
        let name = String::from_utf8_lossy(member.name()).into_owned();
        let path = if Path::new(&name).is_absolute() {
            PathBuf::from(&name)
        } else {
            base.join(&name)
        };
        let key = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if !seen.insert(key) {
            continue;
        }
        // Nested thin archives (kbuild nests built-in.a) are expanded too.
        if is_thin_archive(&path) {
            expand_thin_archive(&path, seen, out);
            continue;
        }
        out.push(Entry::File(InputFile {
            path,
            display: format!("{}({name})", display(archive)),
            from_directory: None,
        }));
    }
    if out.len() == before {
        out.push(error(archive, "thin archive has no members"));
    }
}

fn push_file(
    path: &Path,
    from_directory: Option<String>,
    seen: &mut HashSet<PathBuf>,
    out: &mut Vec<Entry>,
) {
    let key = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if !seen.insert(key) {
        out.push(Entry::Note(format!(
            "{}: given more than once; read once",
            display(path)
        )));
        return;
    }
    out.push(Entry::File(InputFile {
        path: path.to_path_buf(),
        display: display(path),
        from_directory,
    }));
}

fn expand_list(list: &Path, depth: usize, seen: &mut HashSet<PathBuf>, out: &mut Vec<Entry>) {
    if depth >= MAX_LIST_DEPTH {
        out.push(error(
            list,
            format!("@list nesting deeper than {MAX_LIST_DEPTH} (a list that includes itself?)"),
        ));
        return;
    }
    let text = match fs::read(list) {
        Ok(t) => t,
        Err(e) => {
            out.push(error(
                list,
                format!("cannot read input list: {}", io_reason(&e)),
            ));
            return;
        }
    };
    let Ok(text) = String::from_utf8(text) else {
        out.push(error(list, "input list is not UTF-8 text"));
        return;
    };
    let base = list.parent().unwrap_or(Path::new(""));
    let before = out.len();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (nested, name) = match line.strip_prefix('@') {
            Some(n) => (true, n),
            None => (false, line),
        };
        let path = if Path::new(name).is_absolute() {
            PathBuf::from(name)
        } else {
            base.join(name)
        };
        if nested {
            expand_list(&path, depth + 1, seen, out);
        } else {
            expand_one(&path, depth + 1, seen, out);
        }
    }
    if out.len() == before {
        out.push(error(list, "input list names no inputs"));
    }
}

fn walk_dir(
    dir: &Path,
    root: &str,
    seen: &mut HashSet<PathBuf>,
    visited: &mut HashSet<PathBuf>,
    out: &mut Vec<Entry>,
) {
    // Symlink loops: each real directory is walked once.
    if let Ok(real) = fs::canonicalize(dir) {
        if !visited.insert(real) {
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(error(
                dir,
                format!("cannot list directory: {}", io_reason(&e)),
            ));
            return;
        }
    };
    let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    names.sort();
    for path in names {
        let hidden = path
            .file_name()
            .and_then(OsStr::to_str)
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        // metadata follows symlinks: a link to a directory is walked.
        let Ok(meta) = fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk_dir(&path, root, seen, visited, out);
        } else if meta.is_file() && is_candidate(&path) && !is_thin_archive(&path) {
            push_file(&path, Some(root.to_string()), seen, out);
        }
    }
}

fn is_candidate(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(OsStr::to_str)
        .map(str::to_ascii_lowercase);
    if ext.as_deref().is_some_and(|e| EXTENSIONS.contains(&e)) {
        return true;
    }
    if ext
        .as_deref()
        .is_some_and(|e| SOURCE_EXTENSIONS.contains(&e))
    {
        return false;
    }
    // Bitcode under another name (e.g. `foo.bc.tmp`, `vmlinux.bc` renamed).
    let mut head = [0u8; 4];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && bitstream::is_bitcode(&head)
}

/// A one-line reason for an I/O error, without the path (the caller adds it).
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            // Drop the " (os error N)" suffix; keep the message.
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}
