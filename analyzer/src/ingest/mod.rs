//! Ingest: read inputs (bitcode, text IR, objects with `.llvmbc`, archives,
//! directories, `@lists`), parse each module with LLVM and lower it to the
//! seam IR at once. LLVM objects never leave this module.
//!
//! Three steps: [`inputs`] expands the command line into files (in input
//! order); [`container`] finds the modules ("units") inside each file
//! without LLVM; each unit is then lowered with [`lower::lower_buffer`],
//! either in this process or — because LLVM 22's bitcode reader can crash
//! on damaged input (see docs/ingest.md) — in worker processes
//! ([`worker`]) so one bad module never ends a run. With a [`ModuleCache`],
//! units lowered before (same bytes, same seam build) are read back from
//! disk instead ([`cache`]).

pub mod lower;

mod bitstream;
mod cache;
mod container;
mod inputs;
mod worker;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::ir::Module;

pub use cache::{CacheStats, ModuleCache};
pub use worker::{worker_main, WorkerCommand, WORKER_SUBCOMMAND};

/// An input that could not be read, with the reason. Never fatal for the run.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IngestError {
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for IngestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// Everything ingest produced for a run.
#[derive(Debug, Default)]
pub struct Ingested {
    /// In input order, then archive-member order, then module order;
    /// independent of `jobs` and of isolation.
    pub modules: Vec<Module>,
    pub errors: Vec<IngestError>,
    /// Informational messages (e.g. "libfoo.a: skipped 3 members without bitcode").
    pub notes: Vec<String>,
    /// Total bytes of bitcode/IR read.
    pub bytes: u64,
    /// What the module cache did, when one was given. Kept apart from
    /// `notes` so that everything else is the same with and without it.
    pub cache: Option<CacheStats>,
}

#[derive(Clone, Debug, Default)]
pub struct IngestOptions {
    /// Parallel parse tasks (threads, or worker processes); 0 = all cores.
    pub jobs: usize,
    /// Read lowered modules from, and store them in, this cache.
    pub cache: Option<ModuleCache>,
}

/// Where LLVM parses.
#[derive(Clone, Debug)]
pub enum Isolation {
    /// In this process, one LLVM context per rayon task. Fastest, but a
    /// crash inside LLVM ends the process.
    InProcess,
    /// In child processes running [`worker_main`]; a crash costs only the
    /// module being read.
    Workers(WorkerCommand),
}

impl Isolation {
    /// Workers run by this executable's hidden `__ingest-worker` subcommand,
    /// or in-process when the executable cannot be found.
    pub fn workers_from_current_exe() -> Isolation {
        match std::env::current_exe() {
            Ok(program) => Isolation::Workers(WorkerCommand {
                program,
                args: vec![WORKER_SUBCOMMAND.into()],
                env: Vec::new(),
                unit_timeout: WorkerCommand::DEFAULT_UNIT_TIMEOUT,
            }),
            Err(_) => Isolation::InProcess,
        }
    }
}

/// The LLVM major version seam is linked against.
pub fn llvm_major() -> u32 {
    let (mut major, mut minor, mut patch) = (0u32, 0u32, 0u32);
    // SAFETY: LLVMGetVersion only writes the three integers.
    unsafe { inkwell::llvm_sys::core::LLVMGetVersion(&mut major, &mut minor, &mut patch) };
    major
}

/// Reads every input and lowers every module found in it, with LLVM in
/// this process (see [`ingest_with`] for crash isolation).
pub fn ingest(inputs: &[PathBuf], opts: &IngestOptions) -> Ingested {
    ingest_with(inputs, opts, &Isolation::InProcess)
}

/// Reads every input and lowers every module found in it, with LLVM where
/// `isolation` says. The `seam` binary uses
/// `Isolation::workers_from_current_exe()`.
pub fn ingest_with(inputs: &[PathBuf], opts: &IngestOptions, isolation: &Isolation) -> Ingested {
    let entries = inputs::expand(inputs);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs)
        .build();
    // Modules lowered by another program (a test's worker) are keyed by it too.
    let cache = opts.cache.as_ref().map(|c| match isolation {
        Isolation::InProcess => Ok(c.clone()),
        Isolation::Workers(cmd) => c.lowered_by(&cmd.program).map_err(|why| (c.dir(), why)),
    });
    let mut unused = None;
    let cache_run = match cache {
        Some(Ok(c)) => Some(cache::CacheRun::new(c)),
        Some(Err((dir, why))) => {
            unused = Some(CacheStats {
                dir: dir.to_path_buf(),
                problem: Some(why),
                ..Default::default()
            });
            None
        }
        None => None,
    };
    let run = || match isolation {
        Isolation::InProcess => entries
            .par_iter()
            .map(|e| ingest_entry_in_process(e, cache_run.as_ref()))
            .collect::<Vec<_>>(),
        Isolation::Workers(cmd) => worker::ingest_with_workers(&entries, cmd, cache_run.as_ref()),
    };
    let results = match &pool {
        Ok(pool) => pool.install(run),
        Err(_) => run(),
    };
    let mut out = assemble(&entries, results);
    out.cache = cache_run.map(cache::CacheRun::stats).or(unused);
    out
}

/// A module found by [`survey`], not parsed by LLVM.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundModule {
    /// The name [`Module::origin`] will have.
    pub origin: String,
    pub bytes: u64,
    pub text: bool,
    /// Producer from the IDENTIFICATION block, e.g. "LLVM22.1.2".
    pub producer: Option<String>,
}

/// What [`survey`] found.
#[derive(Debug, Default)]
pub struct Survey {
    pub modules: Vec<FoundModule>,
    pub errors: Vec<IngestError>,
    pub notes: Vec<String>,
}

/// Finds every module the inputs hold, in the order [`ingest`] returns
/// them, without parsing any with LLVM: a cheap dry run, and what tests of
/// containers use. Modules LLVM must not read (e.g. from a newer LLVM) are
/// errors here as in [`ingest`].
pub fn survey(inputs: &[PathBuf], opts: &IngestOptions) -> Survey {
    let entries = inputs::expand(inputs);
    let major = llvm_major();
    let one = |entry: &inputs::Entry| -> (Vec<FoundModule>, EntryResult) {
        let file = match entry {
            inputs::Entry::File(f) => f,
            other => return (Vec::new(), entry_passthrough(other).unwrap_or_default()),
        };
        let data = match open_file(&file.path) {
            Ok(d) => d,
            Err(reason) => {
                return (
                    Vec::new(),
                    EntryResult {
                        errors: vec![IngestError {
                            path: file.display.clone(),
                            reason,
                        }],
                        ..Default::default()
                    },
                )
            }
        };
        match container::extract(&file.display, &data, major) {
            Ok(c) => {
                let mut r = EntryResult {
                    notes: c.notes,
                    ..Default::default()
                };
                let mut found = Vec::new();
                for u in &c.units {
                    match &u.refused {
                        Some(reason) => r.errors.push(IngestError {
                            path: u.origin.clone(),
                            reason: reason.clone(),
                        }),
                        None => found.push(FoundModule {
                            origin: u.origin.clone(),
                            bytes: u.len() as u64,
                            text: u.kind == lower::BufferKind::Text,
                            producer: u.producer.clone(),
                        }),
                    }
                }
                r.errors.extend(
                    c.errors
                        .into_iter()
                        .map(|(path, reason)| IngestError { path, reason }),
                );
                (found, r)
            }
            Err(why) => (Vec::new(), unusable_result(file, why)),
        }
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs)
        .build();
    let run = || entries.par_iter().map(one).collect::<Vec<_>>();
    let results = match &pool {
        Ok(pool) => pool.install(run),
        Err(_) => run(),
    };
    let mut modules = Vec::new();
    let mut placeholder = Vec::new();
    for (found, mut r) in results {
        // `assemble` judges directories by modules produced; stand in for them.
        r.modules = found.iter().map(|_| Module::default()).collect();
        modules.extend(found);
        placeholder.push(r);
    }
    let summary = assemble(&entries, placeholder);
    Survey {
        modules,
        errors: summary.errors,
        notes: summary.notes,
    }
}

/// What one expanded entry produced.
#[derive(Debug, Default)]
pub(crate) struct EntryResult {
    pub modules: Vec<Module>,
    pub errors: Vec<IngestError>,
    pub notes: Vec<String>,
    pub bytes: u64,
    /// A directory-found file without bitcode, skipped quietly.
    pub skipped: bool,
}

fn assemble(entries: &[inputs::Entry], results: Vec<EntryResult>) -> Ingested {
    let mut out = Ingested::default();
    // Per directory input: (files taken, files skipped, errors+modules seen).
    let mut dirs: BTreeMap<String, (usize, usize, usize, usize)> = BTreeMap::new();
    for (entry, r) in entries.iter().zip(results) {
        if let inputs::Entry::File(f) = entry {
            if let Some(root) = &f.from_directory {
                let slot = dirs
                    .entry(root.clone())
                    .or_insert((out.notes.len(), 0, 0, 0));
                slot.1 += 1;
                slot.2 += usize::from(r.skipped);
                slot.3 += r.modules.len() + r.errors.len();
            }
        }
        out.modules.extend(r.modules);
        out.errors.extend(r.errors);
        out.notes.extend(r.notes);
        out.bytes += r.bytes;
    }
    for (root, (_, files, skipped, produced)) in dirs {
        if produced == 0 {
            out.errors.push(IngestError {
                path: root,
                reason: format!("directory has no inputs with bitcode ({skipped} of {files} candidate files had none)"),
            });
        } else if skipped > 0 {
            out.notes
                .push(format!("{root}: skipped {skipped} files without bitcode"));
        }
    }
    out
}

/// The bytes of a file: memory-mapped when possible, so an 880 MB
/// `vmlinux.o` is paged in as its modules are read, not loaded up front.
pub(crate) enum FileData {
    Mapped(memmap2::Mmap),
    Read(Vec<u8>),
}

impl std::ops::Deref for FileData {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            FileData::Mapped(m) => m,
            FileData::Read(v) => v,
        }
    }
}

pub(crate) fn open_file(path: &Path) -> Result<FileData, String> {
    let file = fs::File::open(path).map_err(|e| inputs::io_reason(&e))?;
    let meta = file.metadata().map_err(|e| inputs::io_reason(&e))?;
    if meta.is_dir() {
        return Err("is a directory".into());
    }
    if meta.is_file() && meta.len() > 0 {
        // SAFETY: the map is read-only and private to this run; a build that
        // rewrites the file while seam reads it can at worst make us read
        // garbage, which every reader here treats as untrusted anyway.
        if let Ok(map) = unsafe { memmap2::Mmap::map(&file) } {
            return Ok(FileData::Mapped(map));
        }
    }
    // Pipes, /dev/stdin, or filesystems that cannot map.
    let mut buf = Vec::new();
    std::io::Read::read_to_end(&mut &file, &mut buf).map_err(|e| inputs::io_reason(&e))?;
    Ok(FileData::Read(buf))
}

/// Lowers one unit, unless its identification already says LLVM must not read it.
pub(crate) fn lower_unit(unit: &container::Unit<'_>) -> Result<Module, String> {
    if let Some(reason) = &unit.refused {
        return Err(reason.clone());
    }
    let mut module = lower::lower_buffer(&unit.origin, &unit.bytes(), unit.kind)?;
    module.origin = unit.origin.clone();
    Ok(module)
}

/// Lowers one unit through the cache: read back when it was lowered before,
/// else lowered and stored. The bytes are copied first so that what is
/// hashed is exactly what LLVM reads, even if the file changes meanwhile.
fn lower_unit_cached(
    unit: &container::Unit<'_>,
    cache: Option<&cache::CacheRun>,
) -> Result<Module, String> {
    let Some(cache) = cache else {
        return lower_unit(unit);
    };
    if let Some(reason) = &unit.refused {
        return Err(reason.clone());
    }
    let bytes = unit.bytes().into_owned();
    let content = cache::content_hash(unit.kind, &bytes);
    if let Some(m) = cache.lookup(&content, &unit.origin) {
        return Ok(m);
    }
    let mut module = lower::lower_buffer(&unit.origin, &bytes, unit.kind)?;
    module.origin = unit.origin.clone();
    cache.store(&content, &mut module);
    Ok(module)
}

/// Lowers one unit in a worker, after checking that its bytes are the ones
/// the parent scanned (and will store the result under).
pub(crate) fn lower_unit_expecting(
    unit: &container::Unit<'_>,
    index: u32,
    expected: &cache::Digest,
) -> Result<Module, String> {
    if let Some(reason) = &unit.refused {
        return Err(reason.clone());
    }
    let bytes = unit.bytes().into_owned();
    if cache::content_hash(unit.kind, &bytes) != *expected {
        return Err(format!(
            "file changed while seam read it (module #{index} differs from the one scanned)"
        ));
    }
    let mut module = lower::lower_buffer(&unit.origin, &bytes, unit.kind)?;
    module.origin = unit.origin.clone();
    Ok(module)
}

/// Turns a file-level failure into the entry's result: quiet skip for
/// directory-found files without bitcode, an error otherwise.
pub(crate) fn unusable_result(file: &inputs::InputFile, why: container::Unusable) -> EntryResult {
    let mut r = EntryResult::default();
    match why {
        container::Unusable::NoBitcode(_) if file.from_directory.is_some() => r.skipped = true,
        other => r.errors.push(IngestError {
            path: file.display.clone(),
            reason: other.reason().to_string(),
        }),
    }
    r
}

pub(crate) fn entry_passthrough(entry: &inputs::Entry) -> Option<EntryResult> {
    match entry {
        inputs::Entry::File(_) => None,
        inputs::Entry::Error(e) => Some(EntryResult {
            errors: vec![e.clone()],
            ..Default::default()
        }),
        inputs::Entry::Note(n) => Some(EntryResult {
            notes: vec![n.clone()],
            ..Default::default()
        }),
    }
}

fn ingest_entry_in_process(entry: &inputs::Entry, cache: Option<&cache::CacheRun>) -> EntryResult {
    let file = match entry {
        inputs::Entry::File(f) => f,
        other => return entry_passthrough(other).unwrap_or_default(),
    };
    let data = match open_file(&file.path) {
        Ok(d) => d,
        Err(reason) => {
            return EntryResult {
                errors: vec![IngestError {
                    path: file.display.clone(),
                    reason,
                }],
                ..Default::default()
            }
        }
    };
    let contents = match container::extract(&file.display, &data, llvm_major()) {
        Ok(c) => c,
        Err(why) => return unusable_result(file, why),
    };
    let mut r = EntryResult {
        notes: contents.notes,
        bytes: contents.units.iter().map(|u| u.len() as u64).sum(),
        ..Default::default()
    };
    let lowered: Vec<_> = contents
        .units
        .par_iter()
        .map(|u| (u.origin.clone(), lower_unit_cached(u, cache)))
        .collect();
    for (origin, result) in lowered {
        match result {
            Ok(m) => r.modules.push(m),
            Err(reason) => r.errors.push(IngestError {
                path: origin,
                reason,
            }),
        }
    }
    r.errors.extend(
        contents
            .errors
            .into_iter()
            .map(|(path, reason)| IngestError { path, reason }),
    );
    r
}
