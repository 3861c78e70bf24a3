//! Finds the LLVM modules inside one input file: raw or wrapped bitcode
//! (possibly several modules back to back), text IR, objects with an
//! embedded `.llvmbc` section, and `.a`/`.rlib` archives of any of these.
//!
//! Nothing here calls LLVM: a [`Unit`] is a byte range (or a short list of
//! ranges) into the file's memory map, so the caller decides where and when
//! LLVM parses it. The order of units is deterministic (member order, then
//! module order), which is what lets a crashed worker resume at a unit index.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use object::read::archive::ArchiveFile;
use object::{Object, ObjectSection};

use super::bitstream::{self, ModuleSpan};
use super::lower::BufferKind;

/// One module to lower.
#[derive(Debug)]
pub struct Unit<'a> {
    /// `path`, `path#N`, `lib.a(member.o)` or `lib.a(member.o)#N`.
    pub origin: String,
    pub kind: BufferKind,
    data: UnitData<'a>,
    /// Why LLVM must not be asked to read this unit (e.g. newer producer).
    pub refused: Option<String>,
    /// Producer from the bitcode's IDENTIFICATION block ("LLVM22.1.2").
    pub producer: Option<String>,
}

#[derive(Debug)]
enum UnitData<'a> {
    /// A byte range of a stream, given to LLVM as it is.
    Whole(Stream<'a>, Range<usize>),
    /// A module inside a multi-module bitcode stream; assembled on demand so
    /// only the module being lowered is ever copied.
    Span(Stream<'a>, ModuleSpan),
}

/// Bytes borrowed from the file's map, or (for compressed sections) owned
/// once and shared by all units cut from them.
#[derive(Clone, Debug)]
enum Stream<'a> {
    Borrowed(&'a [u8]),
    Shared(Arc<[u8]>),
}

impl<'a> Stream<'a> {
    fn from_cow(c: Cow<'a, [u8]>) -> Self {
        match c {
            Cow::Borrowed(b) => Stream::Borrowed(b),
            Cow::Owned(v) => Stream::Shared(v.into()),
        }
    }

    fn get(&self) -> &[u8] {
        match self {
            Stream::Borrowed(b) => b,
            Stream::Shared(a) => a,
        }
    }
}

impl Unit<'_> {
    /// The bytes to give LLVM.
    pub fn bytes(&self) -> Cow<'_, [u8]> {
        match &self.data {
            UnitData::Whole(s, r) => Cow::Borrowed(&s.get()[r.clone()]),
            UnitData::Span(s, span) => span.assemble(s.get()),
        }
    }

    /// Size of the unit's data in the input, for scheduling and statistics.
    pub fn len(&self) -> usize {
        match &self.data {
            UnitData::Whole(_, r) => r.len(),
            UnitData::Span(_, span) => span.module.len(),
        }
    }
}

/// What one file held.
#[derive(Debug, Default)]
pub struct Contents<'a> {
    pub units: Vec<Unit<'a>>,
    /// Errors inside the file that leave other parts usable (a damaged
    /// archive member, damage after the last good module), with the origin
    /// they concern.
    pub errors: Vec<(String, String)>,
    pub notes: Vec<String>,
}

/// Why a file gave no modules at all.
#[derive(Debug, PartialEq, Eq)]
pub enum Unusable {
    /// A well-formed file of a kind seam does not read (an object without
    /// `.llvmbc`, an archive without bitcode members). Directory scans skip
    /// these quietly; named inputs report them.
    NoBitcode(String),
    /// Damaged or unreadable input.
    Bad(String),
}

impl Unusable {
    pub fn reason(&self) -> &str {
        match self {
            Unusable::NoBitcode(r) | Unusable::Bad(r) => r,
        }
    }
}

const ARCHIVE_MAGIC: &[u8] = b"!<arch>\n";
pub const THIN_ARCHIVE_MAGIC: &[u8] = b"!<thin>\n";

/// Extracts the units of a file. `name` is how the file is shown;
/// `extension` (lower-case, without dot) hints at text IR.
pub fn extract<'a>(name: &str, data: &'a [u8], llvm_major: u32) -> Result<Contents<'a>, Unusable> {
    if data.is_empty() {
        return Err(Unusable::Bad("empty file".into()));
    }
    if bitstream::is_bitcode(data) {
        let mut contents = Contents::default();
        bitcode_units(name, Cow::Borrowed(data), llvm_major, &mut contents)
            .map_err(Unusable::Bad)?;
        return Ok(contents);
    }
    if data.starts_with(ARCHIVE_MAGIC) {
        return archive_units(name, data, llvm_major);
    }
    if data.starts_with(THIN_ARCHIVE_MAGIC) {
        return Err(Unusable::NoBitcode(
            "thin archive: its members are separate files; pass those (or their directory) instead"
                .into(),
        ));
    }
    if let Some(stream) = object_bitcode(data)? {
        let mut contents = Contents::default();
        bitcode_units(name, stream, llvm_major, &mut contents)
            .map_err(|e| Unusable::Bad(format!(".llvmbc section: {e}")))?;
        return Ok(contents);
    }
    if looks_like_text_ir(data) || (name.ends_with(".ll") && is_text(data)) {
        let unit = Unit {
            origin: name.to_string(),
            kind: BufferKind::Text,
            data: UnitData::Whole(Stream::Borrowed(data), 0..data.len()),
            refused: None,
            producer: None,
        };
        return Ok(Contents {
            units: vec![unit],
            ..Default::default()
        });
    }
    if is_text(data) {
        return Err(Unusable::Bad(
            "text file that is not LLVM IR (no `define`, `declare`, `target`, `source_filename` or `; ModuleID` line)".into(),
        ));
    }
    Err(Unusable::Bad(format!(
        "not LLVM bitcode, LLVM IR, an object with embedded bitcode, or an archive (starts with {})",
        hex_prefix(data)
    )))
}

fn hex_prefix(data: &[u8]) -> String {
    data.iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits a bitcode stream into units. Damage after good modules becomes an
/// error entry in `contents`; damage before any module is the `Err`.
fn bitcode_units<'a>(
    name: &str,
    stream: Cow<'a, [u8]>,
    llvm_major: u32,
    contents: &mut Contents<'a>,
) -> Result<(), String> {
    let stream = Stream::from_cow(stream);
    let (spans, damage) = bitstream::split_modules(stream.get());
    if spans.is_empty() {
        return Err(damage.unwrap_or_else(|| "no bitcode module found".into()));
    }
    let numbered = spans.len() > 1 || damage.is_some();
    if let Some(d) = damage {
        contents.errors.push((format!("{name}#{}", spans.len()), d));
    }
    for (i, span) in spans.into_iter().enumerate() {
        let origin = if numbered {
            format!("{name}#{i}")
        } else {
            name.to_string()
        };
        let refused = span.incompatibility(llvm_major);
        let producer = span.producer.clone();
        let data = if span.alone {
            // Hand LLVM the file's bytes directly (no assembly, no copy).
            UnitData::Whole(stream.clone(), span.file.clone())
        } else {
            UnitData::Span(stream.clone(), span)
        };
        contents.units.push(Unit {
            origin,
            kind: BufferKind::Bitcode,
            data,
            refused,
            producer,
        });
    }
    Ok(())
}

/// The `.llvmbc` (ELF, COFF) or `__LLVM,__bitcode` (Mach-O) section of an
/// object file. `Ok(None)` when `data` is not an object file at all.
fn object_bitcode(data: &[u8]) -> Result<Option<Cow<'_, [u8]>>, Unusable> {
    let Ok(file) = object::File::parse(data) else {
        return Ok(None);
    };
    let mut found: Option<Cow<'_, [u8]>> = None;
    for section in file.sections() {
        let name = section.name().unwrap_or("");
        if name != ".llvmbc" && name != "__bitcode" {
            continue;
        }
        let bytes = section
            .uncompressed_data()
            .map_err(|e| Unusable::Bad(format!("cannot read the {name} section: {e}")))?;
        // `ld -r` merges same-named sections, but be safe if it did not.
        found = Some(match found {
            None => bytes,
            Some(prev) => Cow::Owned([&prev[..], &bytes[..]].concat()),
        });
    }
    match found {
        Some(b) if !b.is_empty() => Ok(Some(b)),
        Some(_) => Err(Unusable::Bad("object file has an empty .llvmbc section".into())),
        None => Err(Unusable::NoBitcode(
            "object file without embedded bitcode (no .llvmbc section); build with -flto, -fembed-bitcode, or rustc -C embed-bitcode=yes"
                .into(),
        )),
    }
}

fn archive_units<'a>(
    name: &str,
    data: &'a [u8],
    llvm_major: u32,
) -> Result<Contents<'a>, Unusable> {
    let archive =
        ArchiveFile::parse(data).map_err(|e| Unusable::Bad(format!("corrupted archive: {e}")))?;
    let mut contents = Contents::default();
    let mut skipped = 0usize;
    let mut members = 0usize;
    for member in archive.members() {
        let member = match member {
            Ok(m) => m,
            Err(e) => {
                contents.errors.push((
                    name.to_string(),
                    format!("corrupted archive after {members} members: {e}"),
                ));
                break;
            }
        };
        members += 1;
        let member_name = String::from_utf8_lossy(member.name()).into_owned();
        let origin = format!("{name}({member_name})");
        let Ok(bytes) = member.data(data) else {
            contents.errors.push((
                origin,
                "archive member data lies outside the archive".into(),
            ));
            continue;
        };
        if bitstream::is_bitcode(bytes) {
            if let Err(e) = bitcode_units(&origin, Cow::Borrowed(bytes), llvm_major, &mut contents)
            {
                contents.errors.push((origin, e));
            }
            continue;
        }
        match object_bitcode(bytes) {
            Ok(Some(stream)) => {
                if let Err(e) = bitcode_units(&origin, stream, llvm_major, &mut contents) {
                    contents
                        .errors
                        .push((origin, format!(".llvmbc section: {e}")));
                }
            }
            Ok(None) | Err(Unusable::NoBitcode(_)) => skipped += 1, // lib.rmeta, symbol tables, plain objects
            Err(Unusable::Bad(e)) => contents.errors.push((origin, e)),
        }
    }
    if contents.units.is_empty() && contents.errors.is_empty() {
        return Err(Unusable::NoBitcode(format!(
            "archive has no members with bitcode ({skipped} of {members} members skipped)"
        )));
    }
    if skipped > 0 {
        contents.notes.push(format!(
            "{name}: skipped {skipped} of {members} archive members without bitcode"
        ));
    }
    Ok(contents)
}

fn is_text(data: &[u8]) -> bool {
    let head = &data[..data.len().min(4096)];
    !head.contains(&0) && std::str::from_utf8(head).is_ok_or_cut(head)
}

/// `from_utf8` on a prefix may cut a multi-byte character at the end.
trait Utf8Prefix {
    fn is_ok_or_cut(&self, head: &[u8]) -> bool;
}

impl Utf8Prefix for Result<&str, std::str::Utf8Error> {
    fn is_ok_or_cut(&self, head: &[u8]) -> bool {
        match self {
            Ok(_) => true,
            Err(e) => e.error_len().is_none() && e.valid_up_to() + 4 > head.len(),
        }
    }
}

/// Text IR starts (after comments) with one of a few top-level keywords.
pub fn looks_like_text_ir(data: &[u8]) -> bool {
    if !is_text(data) {
        return false;
    }
    let head = String::from_utf8_lossy(&data[..data.len().min(16384)]);
    head.lines().any(|l| {
        let l = l.trim_start();
        l.starts_with("; ModuleID")
            || l.starts_with("source_filename")
            || l.starts_with("target triple")
            || l.starts_with("target datalayout")
            || l.starts_with("define ")
            || l.starts_with("declare ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_is_not_ir_is_refused() {
        let e = extract("notes.txt", b"hello world\nthis is not IR\n", 22).unwrap_err();
        assert!(
            matches!(e, Unusable::Bad(ref r) if r.contains("not LLVM IR")),
            "{e:?}"
        );
    }

    #[test]
    fn empty_and_binary_garbage_are_refused() {
        assert_eq!(
            extract("e", b"", 22).unwrap_err(),
            Unusable::Bad("empty file".into())
        );
        let e = extract("g", &[0xff, 0x00, 0x12, 0x34, 0x00], 22).unwrap_err();
        assert!(e.reason().contains("ff 00 12 34"), "{e:?}");
    }

    fn fixture(name: &str) -> Vec<u8> {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    /// Disassembles `bytes` with llvm-dis-22; `None` when it is not installed.
    fn llvm_dis(bytes: &[u8]) -> Option<Result<String, String>> {
        let dis = "/usr/lib/llvm-22/bin/llvm-dis";
        if !std::path::Path::new(dis).exists() {
            eprintln!("llvm-dis-22 not installed; skipping the LLVM cross-check");
            return None;
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("unit.bc");
        std::fs::write(&p, bytes).expect("write");
        let out = std::process::Command::new(dis)
            .arg(&p)
            .arg("-o")
            .arg("-")
            .output()
            .expect("run llvm-dis");
        Some(if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        })
    }

    /// The units cut from multi-module streams must be bitcode LLVM reads,
    /// each holding its own module's functions (C first, then Rust).
    #[test]
    fn split_modules_are_valid_bitcode_for_llvm() {
        for name in ["multi-llvm-cat.bc", "combined-ld-r.o"] {
            let data = fixture(name);
            let c = extract(name, &data, 22).expect(name);
            assert!(c.errors.is_empty(), "{name}: {:?}", c.errors);
            let origins: Vec<_> = c.units.iter().map(|u| u.origin.clone()).collect();
            assert_eq!(origins, [format!("{name}#0"), format!("{name}#1")]);
            for (unit, func) in c.units.iter().zip(["@dev_inc_locked", "@rust_consume"]) {
                if let Some(res) = llvm_dis(&unit.bytes()) {
                    let text =
                        res.unwrap_or_else(|e| panic!("{}: llvm-dis failed: {e}", unit.origin));
                    assert!(
                        text.contains(&format!("define void {func}(")) || text.contains(func),
                        "{}: no {func}",
                        unit.origin
                    );
                    let other = if func == "@dev_inc_locked" {
                        "define void @rust_consume"
                    } else {
                        "define dso_local void @dev_inc_locked"
                    };
                    assert!(
                        !text.contains(other),
                        "{}: holds the other module's {other}",
                        unit.origin
                    );
                }
            }
        }
    }

    #[test]
    fn wrapper_header_and_archives() {
        let data = fixture("c-darwin-wrapper.bc");
        let c = extract("w.bc", &data, 22).expect("wrapper");
        assert_eq!(c.units.len(), 1);
        assert!(
            c.units[0].bytes().starts_with(&bitstream::BITCODE_MAGIC),
            "wrapper is stripped"
        );

        let data = fixture("mixed.a");
        let c = extract("mixed.a", &data, 22).expect("archive");
        let origins: Vec<_> = c.units.iter().map(|u| u.origin.as_str()).collect();
        assert_eq!(origins, ["mixed.a(c-lto.o)", "mixed.a(rs.bc)"]);
        assert_eq!(
            c.notes,
            ["mixed.a: skipped 1 of 3 archive members without bitcode"]
        );

        let data = fixture("no-bitcode.a");
        let e = extract("no-bitcode.a", &data, 22).unwrap_err();
        assert!(
            matches!(e, Unusable::NoBitcode(ref r) if r.contains("no members with bitcode")),
            "{e:?}"
        );
    }

    #[test]
    fn newer_llvm_is_refused_by_producer() {
        let data = fixture("c-clang22-x86_64-O2.bc");
        let c = extract("x.bc", &data, 21).expect("extract");
        let why = c.units[0].refused.as_deref().expect("refused for LLVM 21");
        assert!(
            why.contains("LLVM 22.1.8") && why.contains("newer than LLVM 21"),
            "{why}"
        );
        let c = extract("x.bc", &data, 22).expect("extract");
        assert!(c.units[0].refused.is_none());
    }

    #[test]
    fn ir_text_is_recognised() {
        assert!(looks_like_text_ir(
            b"; ModuleID = 'x'\nsource_filename = \"x.c\"\n"
        ));
        assert!(looks_like_text_ir(b"define void @f() {\n  ret void\n}\n"));
        assert!(!looks_like_text_ir(b"#include <stdio.h>\nint main() {}\n"));
    }
}
