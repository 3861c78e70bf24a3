//! Just enough of LLVM's bitstream format to find module boundaries and read
//! the IDENTIFICATION block, without LLVM.
//!
//! A bitcode file is the magic `BC\xC0\xDE` followed by top-level blocks,
//! each written with abbreviation width 2 as `ENTER_SUBBLOCK` (abbrev id 1),
//! the block id (vbr8), the block's abbrev width (vbr4), alignment to 32 bits
//! and the block length in 32-bit words. So each top-level block is a
//! self-contained, word-aligned byte range that can be skipped in O(1).
//! A module is `[IDENTIFICATION] MODULE`, and the `STRTAB` that follows the
//! modules of a file serves all of them (`llvm-cat -b` writes several modules
//! sharing one string table). `ld -r` of `-fembed-bitcode` objects
//! concatenates whole files (magic and all), possibly with zero padding.
//!
//! Everything here is bounds-checked and returns errors as values: this code
//! runs on untrusted input before LLVM sees it.

use std::ops::Range;

pub const BITCODE_MAGIC: [u8; 4] = [b'B', b'C', 0xC0, 0xDE];
/// The wrapper header's magic 0x0B17C0DE, little-endian.
pub const WRAPPER_MAGIC: [u8; 4] = [0xDE, 0xC0, 0x17, 0x0B];

const IDENTIFICATION_BLOCK_ID: u64 = 13;
const MODULE_BLOCK_ID: u64 = 8;
const STRTAB_BLOCK_ID: u64 = 23;
const SYMTAB_BLOCK_ID: u64 = 25;

/// True when `data` starts like bitcode (raw or wrapped).
pub fn is_bitcode(data: &[u8]) -> bool {
    data.starts_with(&BITCODE_MAGIC) || data.starts_with(&WRAPPER_MAGIC)
}

/// One module found in a bitcode stream, as byte ranges into that stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleSpan {
    /// The whole bitcode file the module is in, magic included.
    pub file: Range<usize>,
    /// True when that file holds only this module, so `file` can go to LLVM
    /// as it is; otherwise the module must be re-assembled (see [`ModuleSpan::assemble`]).
    pub alone: bool,
    pub identification: Option<Range<usize>>,
    pub module: Range<usize>,
    pub strtab: Option<Range<usize>>,
    /// Producer string from the IDENTIFICATION block, e.g. "LLVM22.1.2".
    pub producer: Option<String>,
    pub epoch: Option<u64>,
}

impl ModuleSpan {
    /// The bytes LLVM should parse for this module: the file itself when the
    /// module is alone in it, else magic + identification + module + strtab
    /// (top-level blocks are position-independent, so this is valid bitcode).
    pub fn assemble<'a>(&self, stream: &'a [u8]) -> std::borrow::Cow<'a, [u8]> {
        if self.alone {
            return std::borrow::Cow::Borrowed(&stream[self.file.clone()]);
        }
        let mut out = Vec::with_capacity(
            4 + self.module.len() + self.strtab.as_ref().map_or(0, |r| r.len()) + 64,
        );
        out.extend_from_slice(&BITCODE_MAGIC);
        for r in [
            &self.identification,
            &Some(self.module.clone()),
            &self.strtab,
        ]
        .into_iter()
        .flatten()
        {
            out.extend_from_slice(&stream[r.clone()]);
        }
        std::borrow::Cow::Owned(out)
    }

    /// Why LLVM 22 cannot read this module, judged from its IDENTIFICATION
    /// block, or `None` when it may. `llvm_major` is the LLVM seam runs on.
    pub fn incompatibility(&self, llvm_major: u32) -> Option<String> {
        let producer = self.producer.as_deref().unwrap_or("an unknown producer");
        if let Some(epoch) = self.epoch {
            if epoch != 0 {
                return Some(format!(
                    "bitcode epoch {epoch} (written by {producer}) is not readable by LLVM {llvm_major}, which reads epoch 0"
                ));
            }
        }
        let major = self.producer.as_deref().and_then(producer_major)?;
        if major > llvm_major {
            let version = self
                .producer
                .as_deref()
                .unwrap_or("")
                .trim_start_matches("LLVM");
            return Some(format!(
                "bitcode was produced by LLVM {version}, newer than LLVM {llvm_major} that seam reads; \
                 rebuild with a clang/rustc based on LLVM {llvm_major} or older"
            ));
        }
        None
    }
}

/// Major version from a producer string like "LLVM22.1.2" or
/// "LLVM22.1.2-rust-1.95.0-stable".
pub fn producer_major(producer: &str) -> Option<u32> {
    let rest = producer.strip_prefix("LLVM")?;
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

/// Splits a bitcode stream (one file, several files back to back, or a
/// `.llvmbc` section) into modules. Returns the modules found and, when the
/// stream is damaged after them, the reason; the modules before the damage
/// remain usable.
pub fn split_modules(data: &[u8]) -> (Vec<ModuleSpan>, Option<String>) {
    let mut modules = Vec::new();
    let mut pos = 0usize;
    loop {
        // The linker may pad between embedded files; LLVM itself ignores
        // fewer than 8 trailing bytes of garbage, so we do too.
        while pos < data.len() && data[pos] == 0 {
            pos += 1;
        }
        if pos >= data.len() || (data.len() - pos < 8 && !modules.is_empty()) {
            break;
        }
        let rest = &data[pos..];
        let (file_start, file_len, consumed) = if rest.starts_with(&WRAPPER_MAGIC) {
            match wrapper_payload(rest) {
                Ok((off, len)) => (pos + off, len, off + len),
                Err(e) => return (modules, Some(e)),
            }
        } else if rest.starts_with(&BITCODE_MAGIC) {
            (pos, rest.len(), 0)
        } else {
            let what = if modules.is_empty() {
                "does not start with the bitcode magic".to_string()
            } else {
                format!(
                    "has {} bytes that are not bitcode after module #{}",
                    rest.len(),
                    modules.len() - 1
                )
            };
            return (
                modules,
                Some(format!("corrupted bitcode: stream {what} (at byte {pos})")),
            );
        };
        let file = &data[file_start..file_start + file_len];
        match split_file(file) {
            Ok((spans, used)) => {
                for mut s in spans {
                    s.file = shift(&s.file, file_start);
                    s.identification = s.identification.map(|r| shift(&r, file_start));
                    s.module = shift(&s.module, file_start);
                    s.strtab = s.strtab.map(|r| shift(&r, file_start));
                    modules.push(s);
                }
                pos = if consumed > 0 {
                    pos + consumed
                } else {
                    file_start + used
                };
            }
            Err(e) => return (modules, Some(e)),
        }
    }
    if modules.is_empty() {
        return (
            modules,
            Some("corrupted bitcode: no module block found".to_string()),
        );
    }
    (modules, None)
}

fn shift(r: &Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}

/// Wrapper header: magic, version, offset, size, cputype (five u32 LE).
fn wrapper_payload(data: &[u8]) -> Result<(usize, usize), String> {
    let word = |i: usize| -> Option<usize> {
        data.get(i * 4..i * 4 + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    let (Some(off), Some(len)) = (word(2), word(3)) else {
        return Err("truncated bitcode: wrapper header is cut short".to_string());
    };
    match off.checked_add(len) {
        Some(end) if off >= 20 && end <= data.len() => {
            if data[off..].starts_with(&BITCODE_MAGIC) {
                Ok((off, len))
            } else {
                Err("corrupted bitcode: wrapper header points at data without the bitcode magic".to_string())
            }
        }
        _ => Err(format!(
            "truncated bitcode: wrapper header says {len} bytes at offset {off}, but only {} bytes are there",
            data.len()
        )),
    }
}

/// Walks the top-level blocks of one bitcode file (starting at its magic).
/// Returns its modules (ranges relative to `file`) and how many bytes the
/// file spans, which is where the next concatenated file may start.
fn split_file(file: &[u8]) -> Result<(Vec<ModuleSpan>, usize), String> {
    let mut spans: Vec<ModuleSpan> = Vec::new();
    let mut pending_ident: Option<(Range<usize>, Option<String>, Option<u64>)> = None;
    let mut first_without_strtab = 0usize;
    let mut pos = 4usize;
    loop {
        let rest = &file[pos.min(file.len())..];
        if rest.is_empty() || rest.starts_with(&BITCODE_MAGIC) || rest.starts_with(&WRAPPER_MAGIC) {
            break;
        }
        if rest.len() < 8 || rest[..4] == [0, 0, 0, 0] {
            // Trailing garbage shorter than a block header, or padding.
            break;
        }
        let header = read_block_header(file, pos)?;
        let name = block_name(header.id);
        let end = header
            .content_start
            .checked_add(header.words as usize * 4)
            .filter(|&e| e <= file.len());
        let Some(end) = end else {
            return Err(format!(
                "truncated bitcode: the {name} block at byte {pos} needs {} bytes but only {} remain",
                header.content_start - pos + header.words as usize * 4,
                file.len() - pos
            ));
        };
        let range = pos..end;
        match header.id {
            IDENTIFICATION_BLOCK_ID => {
                // A damaged identification block is LLVM's to report; we only
                // use it for the version check.
                let (producer, epoch) =
                    read_identification(file, &header, end).unwrap_or((None, None));
                pending_ident = Some((range, producer, epoch));
            }
            MODULE_BLOCK_ID => {
                let (identification, producer, epoch) = match pending_ident.take() {
                    Some((r, p, e)) => (Some(r), p, e),
                    None => (None, None, None),
                };
                spans.push(ModuleSpan {
                    file: 0..0,
                    alone: false,
                    identification,
                    module: range,
                    strtab: None,
                    producer,
                    epoch,
                });
            }
            STRTAB_BLOCK_ID => {
                // Serves every preceding module that has none yet.
                for s in &mut spans[first_without_strtab..] {
                    s.strtab = Some(range.clone());
                }
                first_without_strtab = spans.len();
            }
            SYMTAB_BLOCK_ID => {}
            _ => {}
        }
        if pending_ident.is_some() && header.id != IDENTIFICATION_BLOCK_ID {
            return Err(format!("corrupted bitcode: an IDENTIFICATION block is followed by a {name} block at byte {pos}, not a MODULE block"));
        }
        pos = end;
    }
    let used = pos.min(file.len());
    let alone = spans.len() == 1;
    for s in &mut spans {
        s.file = 0..used;
        s.alone = alone;
    }
    if spans.is_empty() {
        return Err("corrupted bitcode: the file has no MODULE block".to_string());
    }
    Ok((spans, used))
}

fn block_name(id: u64) -> String {
    match id {
        IDENTIFICATION_BLOCK_ID => "IDENTIFICATION".into(),
        MODULE_BLOCK_ID => "MODULE".into(),
        STRTAB_BLOCK_ID => "STRTAB".into(),
        SYMTAB_BLOCK_ID => "SYMTAB".into(),
        0 => "BLOCKINFO".into(),
        other => format!("#{other}"),
    }
}

struct BlockHeader {
    id: u64,
    abbrev_width: u32,
    /// Byte offset of the first word after the length word.
    content_start: usize,
    words: u32,
}

fn read_block_header(file: &[u8], pos: usize) -> Result<BlockHeader, String> {
    let mut r = BitReader::new(file, pos * 8);
    let bad = |what: &str| format!("corrupted bitcode: {what} at byte {pos}");
    let abbrev = r.read(2).ok_or_else(|| bad("cut-short block header"))?;
    if abbrev != 1 {
        return Err(bad("expected a top-level block (ENTER_SUBBLOCK)"));
    }
    let id = r.read_vbr(8).ok_or_else(|| bad("bad block id"))?;
    let abbrev_width = r.read_vbr(4).ok_or_else(|| bad("bad abbreviation width"))?;
    if abbrev_width == 0 || abbrev_width > 32 {
        return Err(bad("bad abbreviation width"));
    }
    r.align32();
    let words = r.read(32).ok_or_else(|| bad("cut-short block length"))? as u32;
    Ok(BlockHeader {
        id,
        abbrev_width: abbrev_width as u32,
        content_start: r.pos / 8,
        words,
    })
}

/// Reads the producer string (record 1) and epoch (record 2) of an
/// IDENTIFICATION block. Handles abbreviations defined inside the block,
/// which is how LLVM writes them.
fn read_identification(
    file: &[u8],
    header: &BlockHeader,
    end: usize,
) -> Option<(Option<String>, Option<u64>)> {
    let mut r = BitReader::new(&file[..end], header.content_start * 8);
    let mut abbrevs: Vec<Vec<AbbrevOp>> = Vec::new();
    let (mut producer, mut epoch) = (None, None);
    // Each iteration consumes at least one bit, so this ends.
    loop {
        let id = r.read(header.abbrev_width)?;
        match id {
            0 => break,                          // END_BLOCK
            1 => return Some((producer, epoch)), // nested block: not expected here
            2 => abbrevs.push(read_abbrev_def(&mut r)?),
            _ => {
                let fields = if id == 3 {
                    let code = r.read_vbr(6)?;
                    let n = r.read_vbr(6)?;
                    if n > r.remaining_bits() {
                        return None;
                    }
                    let mut f = vec![code];
                    for _ in 0..n {
                        f.push(r.read_vbr(6)?);
                    }
                    f
                } else {
                    let ops = abbrevs.get(id as usize - 4)?.clone();
                    read_abbreviated(&mut r, &ops)?
                };
                match fields.first() {
                    Some(1) => {
                        producer = Some(fields[1..].iter().map(|&c| char::from(c as u8)).collect())
                    }
                    Some(2) => epoch = fields.get(1).copied(),
                    _ => {}
                }
            }
        }
    }
    Some((producer, epoch))
}

#[derive(Clone, Debug)]
enum AbbrevOp {
    Literal(u64),
    Fixed(u32),
    Vbr(u32),
    Array,
    Char6,
    Blob,
}

fn read_abbrev_def(r: &mut BitReader) -> Option<Vec<AbbrevOp>> {
    let n = r.read_vbr(5)?;
    if n > r.remaining_bits() {
        return None;
    }
    let mut ops = Vec::with_capacity(n as usize);
    for _ in 0..n {
        if r.read(1)? == 1 {
            ops.push(AbbrevOp::Literal(r.read_vbr(8)?));
            continue;
        }
        let op = match r.read(3)? {
            1 => AbbrevOp::Fixed(width(r.read_vbr(5)?)?),
            2 => AbbrevOp::Vbr(width(r.read_vbr(5)?)?),
            3 => AbbrevOp::Array,
            4 => AbbrevOp::Char6,
            5 => AbbrevOp::Blob,
            _ => return None,
        };
        ops.push(op);
    }
    Some(ops)
}

fn width(w: u64) -> Option<u32> {
    (w <= 64).then_some(w as u32)
}

fn read_abbreviated(r: &mut BitReader, ops: &[AbbrevOp]) -> Option<Vec<u64>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ops.len() {
        match &ops[i] {
            AbbrevOp::Array => {
                let elem = ops.get(i + 1)?;
                let n = r.read_vbr(6)?;
                if n > r.remaining_bits() {
                    return None;
                }
                for _ in 0..n {
                    out.push(read_scalar(r, elem)?);
                }
                i += 2;
                continue;
            }
            AbbrevOp::Blob => {
                let n = r.read_vbr(6)?;
                r.align32();
                if n.saturating_mul(8) > r.remaining_bits() {
                    return None;
                }
                for _ in 0..n {
                    out.push(r.read(8)?);
                }
                r.align32();
            }
            op => out.push(read_scalar(r, op)?),
        }
        i += 1;
    }
    Some(out)
}

fn read_scalar(r: &mut BitReader, op: &AbbrevOp) -> Option<u64> {
    match *op {
        AbbrevOp::Literal(v) => Some(v),
        AbbrevOp::Fixed(w) => r.read(w),
        AbbrevOp::Vbr(w) => r.read_vbr(w),
        AbbrevOp::Char6 => {
            let v = r.read(6)? as u8;
            Some(u64::from(match v {
                0..=25 => b'a' + v,
                26..=51 => b'A' + v - 26,
                52..=61 => b'0' + v - 52,
                62 => b'.',
                _ => b'_',
            }))
        }
        AbbrevOp::Array | AbbrevOp::Blob => None,
    }
}

/// Little-endian bit reader over a byte slice; every read is bounds-checked.
struct BitReader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> BitReader<'a> {
    fn new(data: &'a [u8], pos: usize) -> Self {
        BitReader { data, pos }
    }

    fn remaining_bits(&self) -> u64 {
        (self.data.len() * 8).saturating_sub(self.pos) as u64
    }

    fn read(&mut self, width: u32) -> Option<u64> {
        if width > 64 || u64::from(width) > self.remaining_bits() {
            return None;
        }
        let mut v = 0u64;
        for i in 0..width {
            let bit = (self.data[self.pos / 8] >> (self.pos % 8)) & 1;
            v |= u64::from(bit) << i;
            self.pos += 1;
        }
        Some(v)
    }

    fn read_vbr(&mut self, width: u32) -> Option<u64> {
        if !(2..=32).contains(&width) {
            return None;
        }
        let hi = 1u64 << (width - 1);
        let mut v = 0u64;
        let mut shift = 0u32;
        loop {
            let chunk = self.read(width)?;
            if shift >= 64 {
                return None;
            }
            v |= (chunk & (hi - 1)) << shift;
            if chunk & hi == 0 {
                return Some(v);
            }
            shift += width - 1;
        }
    }

    fn align32(&mut self) {
        self.pos = self.pos.div_ceil(32) * 32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn producer_major_parses_llvm_and_rustc_strings() {
        assert_eq!(producer_major("LLVM22.1.2"), Some(22));
        assert_eq!(producer_major("LLVM22.1.2-rust-1.95.0-stable"), Some(22));
        assert_eq!(producer_major("LLVM14.0.6"), Some(14));
        assert_eq!(producer_major("APPLE_1_1500"), None);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for data in [
            &b""[..],
            b"BC\xC0\xDE",
            b"BC\xC0\xDE\xff\xff\xff\xff\xff\xff\xff\xff",
            b"\xDE\xC0\x17\x0B\0\0\0\0",
        ] {
            let (mods, err) = split_modules(data);
            assert!(mods.is_empty());
            assert!(err.is_some(), "{data:?}");
        }
    }
}
