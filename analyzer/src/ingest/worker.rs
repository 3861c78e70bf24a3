//! Crash isolation: LLVM parses in child processes.
//!
//! LLVM 22's bitcode reader segfaults or aborts ("LLVM ERROR: out of
//! memory") on about 2% of mutated fixtures (docs/ingest.md), and a crash
//! inside LLVM cannot be caught in-process. So the parent scans files
//! itself (no LLVM), cuts the units into batches, and each batch runs in a
//! child (`seam __ingest-worker`) that lowers units one by one and streams
//! each lowered [`Module`] back. When a child dies, the unit it was on is
//! reported as an error and a fresh child resumes at the next unit.
//!
//! Protocol (child stdin/stdout): the parent writes one frame holding a
//! [`Request`]; the child writes the line [`HANDSHAKE`], then one
//! [`Reply::Unit`] frame per unit in request order, then [`Reply::Done`].
//! A frame is a u32 little-endian length and that many bytes of postcard.
//! Bytes before the handshake are ignored (a test harness may print there).
//!
//! With a module cache, the parent looks every unit up while scanning and
//! sends only the misses, each with the content hash it scanned; the worker
//! lowers a unit only if its bytes still have that hash (so an entry is
//! never stored under the hash of other bytes), and the parent stores each
//! module as it arrives.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::cache::{self, CacheRun, Digest};
use super::{container, inputs, EntryResult, IngestError};
use crate::ir::Module;

/// The hidden subcommand of the `seam` binary that runs [`worker_main`].
pub const WORKER_SUBCOMMAND: &str = "__ingest-worker";

const HANDSHAKE: &[u8] = b"SEAM-INGEST-WORKER 2\n";
/// Largest frame accepted (a lowered module of a huge translation unit is
/// tens of MB; this only stops a corrupted length from allocating wildly).
const MAX_FRAME: usize = 1 << 31;

/// How to start a worker process.
#[derive(Clone, Debug)]
pub struct WorkerCommand {
    pub program: PathBuf,
    pub args: Vec<OsString>,
    pub env: Vec<(OsString, OsString)>,
    /// A module that takes longer than this to lower is reported as an
    /// error and its worker killed (guard against LLVM hanging).
    pub unit_timeout: Duration,
}

impl WorkerCommand {
    pub const DEFAULT_UNIT_TIMEOUT: Duration = Duration::from_secs(300);
}

#[derive(Serialize, Deserialize, Debug)]
struct Request {
    jobs: Vec<Job>,
}

/// Units `first..end` of one file.
#[derive(Serialize, Deserialize, Debug, Clone)]
struct Job {
    path: Vec<u8>,
    display: String,
    first: u32,
    end: u32,
    /// Empty without a cache; else the content hash of each unit
    /// `first..end` as the parent scanned it (`None`: refused unit).
    expect: Vec<Option<Digest>>,
}

impl Job {
    /// The expected content hash of unit `first`.
    fn expected_first(&self) -> Option<Digest> {
        self.expect.first().copied().flatten()
    }

    /// Done with unit `first`.
    fn advance(&mut self) {
        self.first += 1;
        if !self.expect.is_empty() {
            self.expect.remove(0);
        }
    }
}

#[derive(Serialize, Deserialize, Debug)]
enum Reply {
    Unit {
        job: u32,
        unit: u32,
        result: Result<Box<Module>, String>,
    },
    Done,
}

/// (entry index, unit index, lowered module or reason).
type UnitResult = (usize, u32, Result<Module, String>);

fn path_bytes(p: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    p.as_os_str().as_bytes().to_vec()
}

fn bytes_path(b: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(b))
}

fn write_frame(out: &mut impl Write, value: &impl Serialize) -> std::io::Result<()> {
    let bytes = postcard::to_stdvec(value).map_err(std::io::Error::other)?;
    out.write_all(&(bytes.len() as u32).to_le_bytes())?;
    out.write_all(&bytes)?;
    out.flush()
}

fn read_frame<T: for<'de> Deserialize<'de>>(input: &mut impl Read) -> std::io::Result<T> {
    let mut len = [0u8; 4];
    input.read_exact(&mut len)?;
    let len = u32::from_le_bytes(len) as usize;
    if len > MAX_FRAME {
        return Err(std::io::Error::other(format!(
            "frame of {len} bytes is too large"
        )));
    }
    let mut buf = vec![0u8; len];
    input.read_exact(&mut buf)?;
    postcard::from_bytes(&buf).map_err(std::io::Error::other)
}

/// The worker: reads one request from `input`, lowers its units in order
/// and streams the results to `output`. Returns the process exit code.
/// Wire it as `seam __ingest-worker` (see [`WORKER_SUBCOMMAND`]).
pub fn worker_main(input: &mut impl Read, output: &mut impl Write) -> i32 {
    let request: Request = match read_frame(input) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("seam ingest worker: bad request: {e}");
            return 2;
        }
    };
    let mut out = BufWriter::new(output);
    if out.write_all(HANDSHAKE).and_then(|_| out.flush()).is_err() {
        return 2;
    }
    let major = super::llvm_major();
    for (j, job) in request.jobs.iter().enumerate() {
        let j = j as u32;
        let data = super::open_file(&bytes_path(&job.path));
        let contents = match &data {
            Ok(d) => container::extract(&job.display, d, major).map_err(|u| u.reason().to_string()),
            Err(e) => Err(e.clone()),
        };
        for unit in job.first..job.end {
            let expected = job
                .expect
                .get((unit - job.first) as usize)
                .copied()
                .flatten();
            let result = match &contents {
                Ok(c) => match c.units.get(unit as usize) {
                    Some(u) => match &expected {
                        Some(e) => super::lower_unit_expecting(u, unit, e),
                        None => super::lower_unit(u),
                    }
                    .map(Box::new),
                    None => Err(format!(
                        "file changed while seam read it (module #{unit} is gone)"
                    )),
                },
                Err(e) => Err(format!("file changed while seam read it: {e}")),
            };
            if write_frame(
                &mut out,
                &Reply::Unit {
                    job: j,
                    unit,
                    result,
                },
            )
            .is_err()
            {
                return 2; // parent went away
            }
        }
    }
    if write_frame(&mut out, &Reply::Done).is_err() {
        return 2;
    }
    0
}

/// What the parent learned from scanning one file.
#[derive(Default)]
struct Scanned {
    origins: Vec<String>,
    sizes: Vec<usize>,
    /// With a cache: each unit's content hash (`None`: refused unit).
    contents: Vec<Option<Digest>>,
    /// With a cache: the units found in it.
    cached: Vec<Option<Module>>,
    base: EntryResult,
}

impl Scanned {
    fn is_cached(&self, unit: usize) -> bool {
        self.cached.get(unit).is_some_and(Option::is_some)
    }
}

/// Worker-isolated ingest of all entries; results in entry order.
pub(crate) fn ingest_with_workers(
    entries: &[inputs::Entry],
    cmd: &WorkerCommand,
    cache: Option<&CacheRun>,
) -> Vec<EntryResult> {
    let major = super::llvm_major();
    // Scan in parallel; each file's map is dropped as soon as it is scanned.
    let mut scanned: Vec<Option<Scanned>> =
        entries.par_iter().map(|e| scan(e, major, cache)).collect();

    // Batches of consecutive units, about a quarter of a thread's share
    // each, so the pool stays busy without a process per file.
    let total: usize = scanned
        .iter()
        .flatten()
        .map(|s| s.sizes.iter().sum::<usize>())
        .sum();
    let threads = rayon::current_num_threads().max(1);
    let budget = (total / (threads * 4)).max(4 << 20);
    let mut batches: Vec<Vec<(usize, Job)>> = Vec::new();
    let mut current: Vec<(usize, Job)> = Vec::new();
    let mut filled = 0usize;
    for (idx, (entry, s)) in entries.iter().zip(&scanned).enumerate() {
        let (inputs::Entry::File(file), Some(s)) = (entry, s) else {
            continue;
        };
        // Runs of consecutive units not found in the cache.
        let mut first = 0usize;
        while first < s.sizes.len() {
            if s.is_cached(first) {
                first += 1;
                continue;
            }
            let mut end = first;
            while end < s.sizes.len() && !s.is_cached(end) && (end == first || filled < budget) {
                filled += s.sizes[end];
                end += 1;
            }
            current.push((
                idx,
                Job {
                    path: path_bytes(&file.path),
                    display: file.display.clone(),
                    first: first as u32,
                    end: end as u32,
                    expect: s.contents.get(first..end).unwrap_or_default().to_vec(),
                },
            ));
            if filled >= budget {
                batches.push(std::mem::take(&mut current));
                filled = 0;
            }
            first = end;
        }
    }
    if !current.is_empty() {
        batches.push(current);
    }

    let lowered: Vec<Vec<UnitResult>> = batches
        .into_par_iter()
        .map(|b| run_batch(b, cmd, cmd.unit_timeout, cache))
        .collect();

    // Put each unit's result in its file's slot, in unit order, the units
    // read from the cache among them.
    let mut per_entry: Vec<Vec<(u32, Result<Module, String>)>> =
        (0..entries.len()).map(|_| Vec::new()).collect();
    for (idx, unit, result) in lowered.into_iter().flatten() {
        per_entry[idx].push((unit, result));
    }
    let mut out = Vec::with_capacity(entries.len());
    for (idx, entry) in entries.iter().enumerate() {
        if let Some(r) = super::entry_passthrough(entry) {
            out.push(r);
            continue;
        }
        let Some(s) = scanned[idx].take() else {
            out.push(EntryResult::default());
            continue;
        };
        let mut r = s.base;
        let mut units = std::mem::take(&mut per_entry[idx]);
        units.extend(
            s.cached
                .into_iter()
                .enumerate()
                .filter_map(|(u, m)| Some((u as u32, Ok(m?)))),
        );
        units.sort_by_key(|(u, _)| *u);
        let file_errors = std::mem::take(&mut r.errors);
        for (unit, result) in units {
            match result {
                Ok(m) => r.modules.push(m),
                Err(reason) => {
                    let path = s.origins.get(unit as usize).cloned().unwrap_or_default();
                    r.errors.push(IngestError { path, reason });
                }
            }
        }
        r.errors.extend(file_errors);
        out.push(r);
    }
    out
}

fn scan(entry: &inputs::Entry, major: u32, cache: Option<&CacheRun>) -> Option<Scanned> {
    let inputs::Entry::File(file) = entry else {
        return None;
    };
    let data = match super::open_file(&file.path) {
        Ok(d) => d,
        Err(reason) => {
            let base = EntryResult {
                errors: vec![IngestError {
                    path: file.display.clone(),
                    reason,
                }],
                ..Default::default()
            };
            return Some(Scanned {
                base,
                ..Default::default()
            });
        }
    };
    match container::extract(&file.display, &data, major) {
        Ok(c) => {
            let base = EntryResult {
                errors: c
                    .errors
                    .into_iter()
                    .map(|(path, reason)| IngestError { path, reason })
                    .collect(),
                notes: c.notes,
                bytes: c.units.iter().map(|u| u.len() as u64).sum(),
                ..Default::default()
            };
            // Looked up in parallel: one file may hold thousands of units.
            let (contents, cached) = match cache {
                Some(cache) => c
                    .units
                    .par_iter()
                    .map(|u| {
                        if u.refused.is_some() {
                            return (None, None);
                        }
                        let content = cache::content_hash(u.kind, &u.bytes());
                        (Some(content), cache.lookup(&content, &u.origin))
                    })
                    .unzip(),
                None => (Vec::new(), Vec::new()),
            };
            Some(Scanned {
                origins: c.units.iter().map(|u| u.origin.clone()).collect(),
                sizes: c.units.iter().map(|u| u.len()).collect(),
                contents,
                cached,
                base,
            })
        }
        Err(why) => Some(Scanned {
            base: super::unusable_result(file, why),
            ..Default::default()
        }),
    }
}

/// Runs one batch, restarting the worker after each crash at the unit
/// after the one it died on.
fn run_batch(
    batch: Vec<(usize, Job)>,
    cmd: &WorkerCommand,
    timeout: Duration,
    cache: Option<&CacheRun>,
) -> Vec<UnitResult> {
    let mut pending: VecDeque<(usize, Job)> =
        batch.into_iter().filter(|(_, j)| j.first < j.end).collect();
    let mut results = Vec::new();
    while !pending.is_empty() {
        match run_worker(&mut pending, cmd, timeout, cache, &mut results) {
            Ok(()) => {}
            Err(Failure::Unit(reason)) => {
                // The unit at the front is the one the worker died on.
                if let Some((idx, job)) = pending.front_mut() {
                    results.push((*idx, job.first, Err(reason)));
                    job.advance();
                    if job.first >= job.end {
                        pending.pop_front();
                    }
                }
            }
            Err(Failure::Start(reason)) => {
                // The worker cannot run at all: every unit fails the same way
                // rather than respawning once per unit.
                for (idx, job) in pending.drain(..) {
                    for u in job.first..job.end {
                        results.push((idx, u, Err(reason.clone())));
                    }
                }
            }
        }
    }
    results
}

enum Failure {
    /// The worker died or hung on the unit at the front of `pending`.
    Unit(String),
    /// The worker never started.
    Start(String),
}

enum Event {
    Handshake,
    Reply(Reply),
    /// Stdout closed or became unreadable.
    Closed(String),
}

/// Runs one worker over `pending`, removing units from it as their results
/// arrive.
fn run_worker(
    pending: &mut VecDeque<(usize, Job)>,
    cmd: &WorkerCommand,
    timeout: Duration,
    cache: Option<&CacheRun>,
    results: &mut Vec<UnitResult>,
) -> Result<(), Failure> {
    let mut child = Command::new(&cmd.program)
        .args(&cmd.args)
        .envs(cmd.env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            Failure::Start(format!(
                "cannot start the ingest worker {}: {e}",
                cmd.program.display()
            ))
        })?;
    let request = Request {
        jobs: pending.iter().map(|(_, j)| j.clone()).collect(),
    };
    let stdout = child.stdout.take();
    let stderr = child.stderr.take();
    let stderr_tail = std::thread::spawn(move || {
        // Keep the end of stderr: LLVM's last words ("LLVM ERROR: ...").
        let mut buf = Vec::new();
        if let Some(mut s) = stderr {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = s.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                buf.extend_from_slice(&chunk[..n]);
                if buf.len() > 65536 {
                    buf.drain(..buf.len() - 16384);
                }
            }
        }
        buf
    });
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || read_replies(stdout, tx));
    let sent = child
        .stdin
        .take()
        .map(|mut stdin| write_frame(&mut stdin, &request));
    drop(request);

    let mut started = false;
    let mut popped = 0u32;
    let outcome = loop {
        match rx.recv_timeout(timeout) {
            Ok(Event::Handshake) => started = true,
            Ok(Event::Reply(Reply::Unit { job, unit, result })) => {
                let Some((idx, front)) = pending.front_mut() else {
                    break Err("reply for no pending unit".to_string());
                };
                // Replies come in request order: the front pending job is
                // job number `popped` of this worker's request.
                if job != popped || unit != front.first {
                    break Err(format!(
                        "worker replied out of order (job {job}, unit {unit})"
                    ));
                }
                let mut result = result.map(|m| *m);
                if let (Some(cache), Some(content), Ok(m)) =
                    (cache, front.expected_first(), &mut result)
                {
                    cache.store(&content, m);
                }
                results.push((*idx, unit, result));
                front.advance();
                if front.first >= front.end {
                    pending.pop_front();
                    popped += 1;
                }
            }
            Ok(Event::Reply(Reply::Done)) => break Ok(()),
            Ok(Event::Closed(why)) => break Err(why),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let _ = child.kill();
                break Err(format!("timed out after {}s", timeout.as_secs()));
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                break Err("worker output ended".to_string())
            }
        }
    };
    if outcome.is_err() {
        let _ = child.kill();
    }
    let status = child.wait();
    let _ = reader.join();
    let tail = stderr_tail.join().unwrap_or_default();
    match outcome {
        Ok(()) if pending.is_empty() => Ok(()),
        Ok(()) => Err(Failure::Unit(
            "worker finished without reading this module".into(),
        )),
        Err(why) => {
            let how = match &status {
                Ok(s) => describe_exit(s),
                Err(e) => format!("could not be waited for ({e})"),
            };
            let llvm_said = last_llvm_words(&tail);
            if !started {
                let send = match sent {
                    Some(Err(e)) => format!("; sending the request failed: {e}"),
                    _ => String::new(),
                };
                return Err(Failure::Start(format!(
                    "the ingest worker {} did not start ({how}{send}){llvm_said}",
                    cmd.program.display()
                )));
            }
            let what = if why.starts_with("timed out") {
                format!("LLVM {why} reading this module; its worker was killed")
            } else {
                format!("LLVM crashed reading this module (worker {how}){llvm_said}")
            };
            Err(Failure::Unit(what))
        }
    }
}

fn read_replies(stdout: Option<std::process::ChildStdout>, tx: mpsc::Sender<Event>) {
    let Some(stdout) = stdout else {
        let _ = tx.send(Event::Closed("no worker output".into()));
        return;
    };
    let mut r = BufReader::new(stdout);
    // Skip anything before the handshake line.
    let mut window: Vec<u8> = Vec::new();
    let mut byte = [0u8; 1];
    loop {
        match r.read(&mut byte) {
            Ok(1) => {
                window.push(byte[0]);
                if window.ends_with(HANDSHAKE) {
                    break;
                }
                if window.len() > 1 << 20 {
                    let _ = tx.send(Event::Closed(
                        "worker printed 1 MB without the handshake".into(),
                    ));
                    return;
                }
            }
            Ok(_) => {
                let _ = tx.send(Event::Closed("worker exited before the handshake".into()));
                return;
            }
            Err(e) => {
                let _ = tx.send(Event::Closed(format!("reading worker output: {e}")));
                return;
            }
        }
    }
    if tx.send(Event::Handshake).is_err() {
        return;
    }
    loop {
        match read_frame::<Reply>(&mut r) {
            Ok(reply) => {
                let done = matches!(reply, Reply::Done);
                if tx.send(Event::Reply(reply)).is_err() || done {
                    return;
                }
            }
            Err(e) => {
                let _ = tx.send(Event::Closed(format!("worker output ended: {e}")));
                return;
            }
        }
    }
}

fn describe_exit(status: &std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    if let Some(sig) = status.signal() {
        let name = match sig {
            4 => "SIGILL",
            6 => "SIGABRT",
            7 => "SIGBUS",
            8 => "SIGFPE",
            9 => "SIGKILL",
            11 => "SIGSEGV",
            _ => "",
        };
        return if name.is_empty() {
            format!("killed by signal {sig}")
        } else {
            format!("killed by {name}")
        };
    }
    match status.code() {
        Some(c) => format!("exited with status {c}"),
        None => "ended".to_string(),
    }
}

/// "; LLVM said: <line>" from the worker's stderr, when LLVM said anything.
fn last_llvm_words(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    text.lines()
        .rev()
        .find(|l| l.starts_with("LLVM ERROR:") || l.contains("Assertion"))
        .map(|l| format!("; LLVM said: {}", l.trim()))
        .unwrap_or_default()
}
