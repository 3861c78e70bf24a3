//! The module cache: lowered modules kept on disk, keyed by a hash of the
//! unit's bytes and of the seam build that lowered them, so a re-run lowers
//! only the units that changed (see docs/ingest.md, *Module cache*).
//!
//! Key of a unit: `blake3::keyed_hash(build_id, content)`, where
//! - `content = blake3(kind || len || bytes)` of the exact bytes LLVM is
//!   given (after splitting and re-assembly), `kind` being bitcode or text;
//! - `build_id = blake3::derive_key(.., FORMAT_VERSION || seam version ||
//!   LLVM version || blake3 of the seam executable)`, plus the worker
//!   program's hash when workers run another program than this one.
//!
//! Lowering is a function of exactly these: LLVM gets the bytes under a
//! fixed buffer name, and [`Module::origin`] (the only path in a module) is
//! stored empty and set from the unit on load, so identical units at
//! different paths share one entry and each gets its own name.
//!
//! An entry is `DIR/<build>/<first 2 hex digits>/<64 hex digits>.module`,
//! `<build>` being the first 16 hex digits of the build id; opening the
//! cache deletes the directories of all but the three builds used last.
//! An entry is:
//! [`MAGIC`], [`FORMAT_VERSION`] (u32 LE), the key (32 bytes), the payload
//! length (u64 LE), blake3 of the payload (32 bytes), then the payload (the
//! module in postcard). Entries are written to a temporary file in the same
//! directory and renamed into place, so readers see a whole entry or none;
//! whatever does not check out on reading (short, wrong magic, version or
//! key, checksum mismatch, undecodable) is a miss: the unit is lowered again
//! and the entry overwritten. Cache problems never fail a run.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use super::lower::BufferKind;
use crate::ir::Module;

/// Bump when the entry layout or anything about lowering changes in a way
/// the executable hash would not catch (it catches every rebuilt binary).
pub const FORMAT_VERSION: u32 = 2;
/// Builds whose entries are kept: the one running and the ones used last
/// (a user switching between two seam versions keeps both warm). A whole
/// kernel's entries take about 330 MB per build.
const KEEP_BUILDS: usize = 3;
/// Hex digits of the build id naming a build's directory.
const BUILD_DIR_DIGITS: usize = 16;
/// First bytes of every entry.
pub const MAGIC: &[u8; 8] = b"SEAMMOD\0";
const HEADER: usize = 8 + 4 + 32 + 8 + 32;
/// Context string of the build-id derivation (blake3 `derive_key`).
const BUILD_ID_CONTEXT: &str = "seam module cache 2025-01 build id";

/// A 256-bit blake3 digest.
pub(crate) type Digest = [u8; 32];

/// Hash of a unit's contents: what LLVM is given, and how.
pub(crate) fn content_hash(kind: BufferKind, bytes: &[u8]) -> Digest {
    let mut h = blake3::Hasher::new();
    h.update(&[match kind {
        BufferKind::Bitcode => b'b',
        BufferKind::Text => b't',
    }]);
    h.update(&(bytes.len() as u64).to_le_bytes());
    h.update(bytes);
    *h.finalize().as_bytes()
}

/// A cache directory, bound to this seam build.
#[derive(Clone, Debug)]
pub struct ModuleCache {
    dir: PathBuf,
    build_id: Digest,
}

impl ModuleCache {
    /// Opens (creating it if needed) the cache in `dir`, checking that it
    /// can be written. Errors are one line, for a warning.
    pub fn open(dir: impl Into<PathBuf>) -> Result<ModuleCache, String> {
        let dir = dir.into();
        let fail =
            |e: std::io::Error| format!("{}: {}", dir.display(), super::inputs::io_reason(&e));
        fs::create_dir_all(&dir).map_err(fail)?;
        let probe = dir.join(format!(".probe-{}", std::process::id()));
        fs::write(&probe, b"").map_err(fail)?;
        let _ = fs::remove_file(&probe);
        let exe = self_exe_hash()?;
        let cache = ModuleCache {
            build_id: build_id(&[exe]),
            dir,
        };
        cache.mark_used();
        cache.prune();
        Ok(cache)
    }

    /// This build's directory of entries (each seam build has its own, so
    /// the entries of old builds can be deleted as a whole).
    fn build_dir(&self) -> PathBuf {
        self.dir.join(&hex(&self.build_id)[..BUILD_DIR_DIGITS])
    }

    /// Creates this build's directory, or gives it a new mtime: the mtime
    /// says which builds were used last.
    fn mark_used(&self) {
        let dir = self.build_dir();
        let probe = dir.join(format!(".used-{}", std::process::id()));
        if fs::create_dir_all(&dir).is_ok() && fs::write(&probe, b"").is_ok() {
            let _ = fs::remove_file(&probe);
        }
    }

    /// Deletes the entries of all but the [`KEEP_BUILDS`] builds used
    /// last (this one included), and entries of the layout before build
    /// directories (`DIR/<2 hex digits>/`), which nothing reads any more.
    /// Only directories named as seam names them are touched; failures
    /// are ignored (another run may be deleting the same thing).
    fn prune(&self) {
        let Ok(rd) = fs::read_dir(&self.dir) else {
            return;
        };
        let ours = self.build_dir();
        let hex_named = |name: &str, len: usize| {
            name.len() == len
                && name
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        };
        let mut builds: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
        for e in rd.flatten() {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if path == ours || !e.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            if hex_named(&name, 2) {
                let _ = fs::remove_dir_all(&path);
            } else if hex_named(&name, BUILD_DIR_DIGITS) {
                let used = e
                    .metadata()
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH);
                builds.push((used, path));
            }
        }
        builds.sort_by_key(|b| std::cmp::Reverse(b.0));
        for (_, path) in builds.into_iter().skip(KEEP_BUILDS - 1) {
            let _ = fs::remove_dir_all(&path);
        }
    }

    /// `$SEAM_CACHE_DIR`, else `$XDG_CACHE_HOME/seam/modules`, else
    /// `$HOME/.cache/seam/modules` (empty and relative values are ignored).
    pub fn default_dir() -> Option<PathBuf> {
        let var = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        if let Some(d) = var("SEAM_CACHE_DIR") {
            return Some(d);
        }
        if let Some(d) = var("XDG_CACHE_HOME").filter(|d| d.is_absolute()) {
            return Some(d.join("seam/modules"));
        }
        var("HOME")
            .filter(|d| d.is_absolute())
            .map(|h| h.join(".cache/seam/modules"))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The cache for modules lowered by `program` (a worker executable):
    /// unchanged when it is this executable, else also keyed by its hash.
    pub(crate) fn lowered_by(&self, program: &Path) -> Result<ModuleCache, String> {
        let same = match (
            fs::canonicalize(program),
            std::env::current_exe().and_then(fs::canonicalize),
        ) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if same {
            return Ok(self.clone());
        }
        let other = file_hash(program).map_err(|e| {
            format!(
                "cannot identify the ingest worker {}: {e}",
                program.display()
            )
        })?;
        let cache = ModuleCache {
            dir: self.dir.clone(),
            build_id: build_id(&[self.build_id, other]),
        };
        cache.mark_used();
        Ok(cache)
    }

    fn key(&self, content: &Digest) -> Digest {
        *blake3::keyed_hash(&self.build_id, content).as_bytes()
    }

    /// Where the entry for `key` lives.
    pub fn entry_path(&self, key: &Digest) -> PathBuf {
        let hex = hex(key);
        self.build_dir()
            .join(&hex[..2])
            .join(format!("{hex}.module"))
    }
}

fn build_id(parts: &[Digest]) -> Digest {
    let (mut major, mut minor, mut patch) = (0u32, 0u32, 0u32);
    // SAFETY: LLVMGetVersion only writes the three integers.
    unsafe { inkwell::llvm_sys::core::LLVMGetVersion(&mut major, &mut minor, &mut patch) };
    let mut h = blake3::Hasher::new_derive_key(BUILD_ID_CONTEXT);
    h.update(&FORMAT_VERSION.to_le_bytes());
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(b"\0");
    for v in [major, minor, patch] {
        h.update(&v.to_le_bytes());
    }
    for p in parts {
        h.update(p);
    }
    *h.finalize().as_bytes()
}

/// blake3 of the running executable, computed once per process. Read
/// through `/proc/self/exe`, which is the file actually running even when
/// a rebuild has replaced the path since.
fn self_exe_hash() -> Result<Digest, String> {
    static HASH: OnceLock<Result<Digest, String>> = OnceLock::new();
    HASH.get_or_init(|| {
        file_hash(Path::new("/proc/self/exe"))
            .or_else(|_| std::env::current_exe().and_then(|p| file_hash(&p)))
            .map_err(|e| format!("cannot identify the seam executable to key the cache: {e}"))
    })
    .clone()
}

fn file_hash(path: &Path) -> std::io::Result<Digest> {
    let mut h = blake3::Hasher::new();
    let mut f = fs::File::open(path)?;
    std::io::copy(&mut f, &mut h)?;
    Ok(*h.finalize().as_bytes())
}

fn hex(d: &Digest) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the cache did during one ingest.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CacheStats {
    pub dir: PathBuf,
    /// Modules read from the cache (not lowered).
    pub hits: usize,
    /// Units looked up and not found; lowered (parse failures included).
    pub misses: usize,
    /// Misses because an entry was there but unusable (damaged, truncated,
    /// another format); they are overwritten.
    pub rejected: usize,
    /// Entries written.
    pub stored: usize,
    /// The first problem writing entries, or why the cache was not used.
    pub problem: Option<String>,
}

/// The cache during one ingest: counts what happened.
pub(crate) struct CacheRun {
    cache: ModuleCache,
    hits: AtomicUsize,
    misses: AtomicUsize,
    rejected: AtomicUsize,
    stored: AtomicUsize,
    problem: Mutex<Option<String>>,
}

static TEMP_COUNTER: AtomicUsize = AtomicUsize::new(0);

impl CacheRun {
    pub(crate) fn new(cache: ModuleCache) -> CacheRun {
        CacheRun {
            cache,
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
            rejected: AtomicUsize::new(0),
            stored: AtomicUsize::new(0),
            problem: Mutex::new(None),
        }
    }

    /// The module stored for `content`, named `origin`; `None` on a miss.
    pub(crate) fn lookup(&self, content: &Digest, origin: &str) -> Option<Module> {
        let key = self.cache.key(content);
        let found = match fs::read(self.cache.entry_path(&key)) {
            Ok(data) => match decode(&data, &key) {
                Some(m) => Some(m),
                None => {
                    self.rejected.fetch_add(1, Ordering::Relaxed);
                    None
                }
            },
            Err(_) => None,
        };
        match found {
            Some(mut m) => {
                self.hits.fetch_add(1, Ordering::Relaxed);
                m.origin = origin.to_string();
                Some(m)
            }
            None => {
                self.misses.fetch_add(1, Ordering::Relaxed);
                None
            }
        }
    }

    /// Stores `module`, lowered from a unit with `content`. Failures are
    /// remembered for [`CacheStats::problem`], never reported as errors.
    pub(crate) fn store(&self, content: &Digest, module: &mut Module) {
        let key = self.cache.key(content);
        // The origin is the unit's name, set again on load.
        let origin = std::mem::take(&mut module.origin);
        let payload = postcard::to_stdvec(&*module);
        module.origin = origin;
        let result = payload
            .map_err(std::io::Error::other)
            .and_then(|p| self.write_entry(&key, &p));
        match result {
            Ok(()) => {
                self.stored.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => {
                let mut p = self.problem.lock().unwrap_or_else(|p| p.into_inner());
                if p.is_none() {
                    *p = Some(format!(
                        "cannot write to {}: {}",
                        self.cache.dir.display(),
                        super::inputs::io_reason(&e)
                    ));
                }
            }
        }
    }

    fn write_entry(&self, key: &Digest, payload: &[u8]) -> std::io::Result<()> {
        let path = self.cache.entry_path(key);
        let dir = path.parent().unwrap_or(&self.cache.dir);
        fs::create_dir_all(dir)?;
        let tmp = dir.join(format!(
            ".tmp-{}-{}",
            std::process::id(),
            TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let written = (|| {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(&encode_header(key, payload))?;
            f.write_all(payload)?;
            drop(f);
            fs::rename(&tmp, &path)
        })();
        if written.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        written
    }

    pub(crate) fn stats(self) -> CacheStats {
        CacheStats {
            dir: self.cache.dir,
            hits: self.hits.into_inner(),
            misses: self.misses.into_inner(),
            rejected: self.rejected.into_inner(),
            stored: self.stored.into_inner(),
            problem: self.problem.into_inner().unwrap_or_else(|p| p.into_inner()),
        }
    }
}

fn encode_header(key: &Digest, payload: &[u8]) -> Vec<u8> {
    let mut h = Vec::with_capacity(HEADER);
    h.extend_from_slice(MAGIC);
    h.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    h.extend_from_slice(key);
    h.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    h.extend_from_slice(blake3::hash(payload).as_bytes());
    h
}

/// The module in an entry, if the entry is whole and is the one for `key`.
fn decode(data: &[u8], key: &Digest) -> Option<Module> {
    if data.len() < HEADER || &data[..8] != MAGIC {
        return None;
    }
    let (version, rest) = data[8..].split_at(4);
    if version != FORMAT_VERSION.to_le_bytes() {
        return None;
    }
    let (stored_key, rest) = rest.split_at(32);
    if stored_key != key {
        return None;
    }
    let (len, rest) = rest.split_at(8);
    let (checksum, payload) = rest.split_at(32);
    if u64::from_le_bytes(len.try_into().ok()?) != payload.len() as u64
        || blake3::hash(payload).as_bytes() != checksum
    {
        return None;
    }
    postcard::from_bytes(payload).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module() -> Module {
        let mut m = Module {
            origin: "a.bc".into(),
            ..Module::default()
        };
        m.source_file = m.strings.intern("a.c");
        m
    }

    /// Opening a cache keeps this build's entries and those of the two
    /// builds used last before it, deletes older builds' and the flat
    /// layout's, and leaves whatever seam did not name alone.
    #[test]
    fn opening_keeps_the_builds_used_last() {
        let dir = tempfile::tempdir().unwrap();
        let build = |k: u64| dir.path().join(format!("{k:016x}"));
        let now = std::time::SystemTime::now();
        for k in 1..=4u64 {
            fs::create_dir_all(build(k).join("ab")).unwrap();
            fs::write(build(k).join("ab").join("x.module"), b"x").unwrap();
            // Build k last used k hours ago.
            let when = now - std::time::Duration::from_secs(3600 * k);
            fs::File::open(build(k))
                .unwrap()
                .set_modified(when)
                .unwrap();
        }
        let flat = dir.path().join("0f");
        fs::create_dir_all(&flat).unwrap();
        fs::write(flat.join("y.module"), b"y").unwrap();
        let other = dir.path().join("notes");
        fs::create_dir_all(&other).unwrap();

        let cache = ModuleCache::open(dir.path()).unwrap();
        assert!(cache.build_dir().is_dir(), "this build's directory exists");
        assert!(build(1).is_dir() && build(2).is_dir(), "two last used kept");
        assert!(
            !build(3).exists() && !build(4).exists(),
            "older builds deleted"
        );
        assert!(!flat.exists(), "the flat layout's entries deleted");
        assert!(
            other.is_dir(),
            "a directory seam did not name is left alone"
        );
        let key = cache.key(&[7; 32]);
        assert!(cache.entry_path(&key).starts_with(cache.build_dir()));
    }

    #[test]
    fn entries_round_trip_and_damage_is_a_miss() {
        let dir = std::env::temp_dir().join(format!("seam-cache-unit-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let cache = ModuleCache::open(&dir).unwrap();
        let run = CacheRun::new(cache.clone());
        let content = content_hash(BufferKind::Bitcode, b"BC\xc0\xde");
        assert!(run.lookup(&content, "x.bc").is_none());
        let mut m = module();
        run.store(&content, &mut m);
        assert_eq!(m.origin, "a.bc", "store leaves the module as it was");
        let got = run.lookup(&content, "b.bc").expect("hit");
        assert_eq!(got.origin, "b.bc");
        assert_eq!(got.str(got.source_file), "a.c");
        // The other kind of buffer with the same bytes is another unit.
        assert!(run
            .lookup(&content_hash(BufferKind::Text, b"BC\xc0\xde"), "t.ll")
            .is_none());

        let path = cache.entry_path(&cache.key(&content));
        let good = fs::read(&path).unwrap();
        let mut damaged = Vec::new();
        for i in [0, 9, 20, HEADER - 1, HEADER, good.len() - 1] {
            let mut d = good.clone();
            d[i] ^= 0x40;
            damaged.push(d);
        }
        for n in [0, 7, HEADER, good.len() - 1] {
            damaged.push(good[..n].to_vec());
        }
        let mut longer = good.clone();
        longer.push(0);
        damaged.push(longer);
        for d in &damaged {
            fs::write(&path, d).unwrap();
            assert!(run.lookup(&content, "b.bc").is_none());
        }
        fs::write(&path, &good).unwrap();
        assert!(run.lookup(&content, "b.bc").is_some());
        let stats = run.stats();
        assert_eq!(
            (stats.hits, stats.misses, stats.rejected, stats.stored),
            (2, 2 + damaged.len(), damaged.len(), 1)
        );
        // No temporary files are left behind.
        let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n.to_string_lossy().starts_with('.'))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn another_worker_program_is_another_key() {
        let dir = std::env::temp_dir().join(format!("seam-cache-unit2-{}", std::process::id()));
        let cache = ModuleCache::open(&dir).unwrap();
        let me = cache.lowered_by(&std::env::current_exe().unwrap()).unwrap();
        assert_eq!(me.build_id, cache.build_id);
        let other = cache.lowered_by(Path::new("/bin/sh")).unwrap();
        assert_ne!(other.build_id, cache.build_id);
        assert!(cache.lowered_by(Path::new("/nonexistent/seam")).is_err());
        let _ = fs::remove_dir_all(&dir);
    }
}
